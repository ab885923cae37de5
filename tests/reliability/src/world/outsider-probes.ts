// What the sign-in and secrets checks share: a database with one seeded tenant and the apps'
// production servers, requests sent as an outsider sends them (a new X-Forwarded-For on each, so
// a limit keyed on that header would never trip), the figures they record and staff accounts
// made for them.
import { createStaffAccount } from "@real-estate/auth";
import { setDb } from "@real-estate/db";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import type { AppName } from "../inventory/route-inventory";
import { rawRequest, type RawResponse } from "../http/raw-request";
import { recordFigures } from "../report/summary";
import { suiteAuthSecret } from "./member-sessions";
import { seedTenant, type SeededTenant } from "./seed-world";
import { startApps, type AppServers } from "./start-apps";

/** The password of every staff account these checks make. */
export const STAFF_PASSWORD = "staff-password-for-tests-1";

export type OutsiderWorld = {
  testDb: TestDatabase;
  tenant: SeededTenant;
  servers: AppServers;
  /** Probes sent, 5xx answers, failed expectations: this file's row of the suite's summary. */
  figures: { probes: number; fiveXx: number; failures: number };
  notes: string[];
  /** Requests sent so far (each with its own X-Forwarded-For). */
  spoofed: () => number;
  send: (
    origin: string,
    method: string,
    urlPath: string,
    options?: { host?: string; json?: unknown; headers?: Record<string, string> },
  ) => Promise<RawResponse>;
  /** `ok`, counted as a failure in the figures when false. */
  expectOr: (ok: boolean) => boolean;
  /** A staff account with STAFF_PASSWORD (an operator with `platformRole: "operator"`). */
  staff: (email: string, platformRole?: string | null) => Promise<{ id: string; email: string }>;
  /** Records the figures under `check` and stops everything. */
  stop: (check: string) => Promise<void>;
};

/** A fresh database with tenant "a" and the `apps` running against it, side by side. */
export async function startOutsiderWorld(options: { database: string; label: string; apps: AppName[] }): Promise<OutsiderWorld> {
  const testDb = await createTestDatabase(options.database);
  const tenant = await seedTenant(testDb.db, "a");
  suiteAuthSecret();
  setDb(testDb.db);
  const figures = { probes: 0, fiveXx: 0, failures: 0 };
  const notes: string[] = [];
  let spoofed = 0;
  let servers: AppServers;
  try {
    // The per-address limit is set out of the way here: every request of these files comes from one address.
    servers = await startApps({
      apps: options.apps,
      databaseUrl: testDb.url,
      label: options.label,
      parallel: true,
      env: { SIGN_IN_FAILURES_PER_ADDRESS: "100000" },
    });
  } catch (error) {
    await testDb.drop();
    throw error;
  }

  const send: OutsiderWorld["send"] = async (origin, method, urlPath, sendOptions = {}) => {
    const host = sendOptions.host ?? new URL(origin).host;
    const res = await rawRequest({
      origin,
      method,
      path: urlPath,
      headers: {
        host,
        origin: `http://${host}`,
        "x-forwarded-for": `198.18.${(++spoofed >> 8) & 255}.${spoofed & 255}`,
        ...(sendOptions.json === undefined ? {} : { "content-type": "application/json" }),
        ...sendOptions.headers,
      },
      body: sendOptions.json === undefined ? undefined : JSON.stringify(sendOptions.json),
    });
    figures.probes++;
    if (res.status >= 500) figures.fiveXx++;
    return res;
  };

  return {
    testDb,
    tenant,
    servers,
    figures,
    notes,
    spoofed: () => spoofed,
    send,
    expectOr: (ok) => {
      if (!ok) figures.failures++;
      return ok;
    },
    staff: async (email, platformRole = null) => {
      const made = await createStaffAccount({ name: email, email, password: STAFF_PASSWORD, db: testDb.db });
      if (!made.ok) throw new Error(made.message);
      if (platformRole) await testDb.db.user.update({ where: { id: made.userId }, data: { platformRole } });
      return { id: made.userId, email };
    },
    stop: async (check) => {
      recordFigures({ check, ...figures, note: notes.join("; ") });
      await servers.stop();
      await testDb.drop();
    },
  };
}
