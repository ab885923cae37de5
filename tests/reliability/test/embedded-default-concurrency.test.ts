// The embedded default (the PostgreSQL server `npm start` runs when DATABASE_URL is unset) under
// concurrency from every process at once: the production builds of web, CRM and studio and two
// worker processes, hundreds of website leads, CRM reads and writes with signed-in sessions, and
// studio reads, all in flight together. Every 202 is applied exactly once, every job ends
// COMPLETED, nothing answers 5xx, and no valid session gets 401. (PGlite behind a socket, the
// previous default, interleaved the connections' protocol messages under 20 requests at once.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@real-estate/db";
import { startEmbeddedServer, type EmbeddedServer } from "@real-estate/db/embedded";
import { applyPendingMigrations, migrationTargetForUrl } from "@real-estate/db/migrate";
import { createTenantFixture, type TenantFixture } from "@real-estate/db/testing";
import { checkClient, effectsOf, tallyEffects } from "../src/faults/crm-effects";
import { waitForDrained } from "../src/faults/drain-checks";
import { leadBody } from "../src/faults/lead-bodies";
import { startWorker, type WorkerProcess } from "../src/faults/worker-process";
import { rawRequest, runPool, type RawResponse } from "../src/http/raw-request";
import { currentProfile } from "../src/profile";
import { recordFigures } from "../src/report/summary";
import { signUpMember, signUpOperator } from "../src/world/member-sessions";
import { presentApps, startApps, type AppServers } from "../src/world/start-apps";

const profile = currentProfile();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "re-embedded-load-"));
fs.chmodSync(dir, 0o755);
let server: EmbeddedServer;
let db: Db;
let apps: AppServers;
let workers: WorkerProcess[] = [];
const tenants: { fixture: TenantFixture; webHost: string; crmHost: string; cookie: string }[] = [];
let operatorCookie = "";

beforeAll(async () => {
  server = await startEmbeddedServer({ dir });
  const target = migrationTargetForUrl(server.url);
  await applyPendingMigrations(target);
  await target.close();
  db = createPrismaClient({ url: server.url, poolSize: 4 });
  for (const key of ["alpha", "beta"]) {
    const fixture = await createTenantFixture(db, { slug: key, webHosts: [`${key}.test`], crmHosts: [`crm.${key}.test`] });
    const member = await signUpMember(db, { tenantId: fixture.tenantId, email: `agent@${key}.test`, role: "AGENT" });
    tenants.push({ fixture, webHost: `${key}.test`, crmHost: `crm.${key}.test`, cookie: member.cookie });
  }
  operatorCookie = (await signUpOperator(db, "operator@platform.test")).cookie;
  apps = await startApps({ apps: presentApps(), databaseUrl: server.url, label: "embedded", parallel: true });
  workers = [1, 2].map((n) => startWorker({ databaseUrl: server.url, label: `embedded-${n}`, env: { INGESTION_LEASE_MS: "300000" } }));
}, 900_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await apps?.stop();
  await db?.$disconnect();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Call = { kind: "lead" | "crm-read" | "crm-write" | "studio-read"; eventId?: string; res: RawResponse | null; error?: string };

describe("the embedded PostgreSQL default under concurrent load from every app and two workers", () => {
  it("applies every 202 once, completes every job, never answers 5xx or a spurious 401", async () => {
    const n = Math.max(profile.burstRequests, 200);
    const origins = apps.origins;
    const calls = Array.from({ length: n }, (_, i) => i).flatMap((i) => {
      const t = tenants[i % tenants.length]!;
      const list: (() => Promise<Call>)[] = [
        async () => {
          const { eventId, body } = leadBody("embedded", i);
          const res = await rawRequest({
            origin: origins.web!,
            method: "POST",
            path: "/api/lead",
            headers: { host: t.webHost, "content-type": "application/json" },
            body: JSON.stringify(body),
            timeoutMs: 60_000,
          });
          return { kind: "lead", eventId, res };
        },
      ];
      if (origins.crm) {
        list.push(async () => ({
          kind: "crm-read",
          res: await rawRequest({
            origin: origins.crm!,
            method: "GET",
            path: i % 2 ? "/api/leads" : "/api/contacts",
            headers: { host: t.crmHost, cookie: t.cookie },
            timeoutMs: 60_000,
          }),
        }));
        if (i % 3 === 0) {
          const body = JSON.stringify({
            firstName: "Casey",
            lastName: `Load ${i}`,
            email: `casey.${i}@crm-load.test`,
            openLead: { message: `opened under load ${i}` },
          });
          list.push(async () => ({
            kind: "crm-write",
            res: await rawRequest({
              origin: origins.crm!,
              method: "POST",
              path: "/api/contacts",
              headers: { host: t.crmHost, cookie: t.cookie, origin: `http://${t.crmHost}`, "content-type": "application/json" },
              body,
              timeoutMs: 60_000,
            }),
          }));
        }
      }
      if (origins.studio && i % 4 === 0) {
        list.push(async () => ({
          kind: "studio-read",
          res: await rawRequest({
            origin: origins.studio!,
            method: "GET",
            path: i % 8 ? "/api/redrives" : "/",
            headers: { host: "localhost", cookie: operatorCookie },
            timeoutMs: 60_000,
          }),
        }));
      }
      return list;
    });
    const started = Date.now();
    const results = await runPool(calls, 20, async (call): Promise<Call> => {
      try {
        return await call();
      } catch (error) {
        return { kind: "lead", res: null, error: (error as Error).message };
      }
    });
    const elapsedMs = Date.now() - started;

    const show = (c: Call) => `${c.kind} ${c.res?.status ?? c.error} ${c.res?.body.slice(0, 160) ?? ""}`;
    const leads = results.filter((c) => c.kind === "lead");
    const accepted = leads.filter((c) => c.res?.status === 202);
    const fiveXx = results.filter((c) => (c.res?.status ?? 0) >= 500);
    const unauthorized = results.filter((c) => c.res?.status === 401 || c.res?.status === 403);
    const transport = results.filter((c) => !c.res);
    const unexpected = results.filter((c) => {
      const s = c.res?.status;
      if (s === undefined) return false;
      if (c.kind === "lead") return s !== 202;
      if (c.kind === "crm-write") return s !== 201;
      return s !== 200;
    });

    const check = await checkClient(server.url);
    let drained = false;
    let effects: ReturnType<typeof tallyEffects>;
    let notCompleted: string[] = [];
    try {
      drained = await waitForDrained(check, 300_000);
      const rows = await effectsOf(
        check,
        accepted.map((c) => c.eventId!),
      );
      effects = tallyEffects(rows);
      notCompleted = rows.filter((r) => r.statuses !== "COMPLETED").map((r) => `${r.eventId}: ${r.statuses || "no job"}`);
    } finally {
      await check.end();
    }
    const figures = recordFigures({
      check: "embedded PostgreSQL default: 3 apps + 2 workers concurrently",
      probes: results.length,
      fiveXx: fiveXx.length,
      lost: effects.lost.length,
      doubled: effects.doubled.length,
      failures: unauthorized.length + transport.length + unexpected.length + notCompleted.length + (drained ? 0 : 1),
      note: `${leads.length} leads (202: ${accepted.length}), ${results.filter((c) => c.kind === "crm-read").length} CRM reads, ${results.filter((c) => c.kind === "crm-write").length} CRM writes, ${results.filter((c) => c.kind === "studio-read").length} studio reads, 20 at once, ${elapsedMs} ms`,
    });
    console.log(figures.note);
    expect(fiveXx.map(show)).toEqual([]);
    expect(unauthorized.map(show)).toEqual([]);
    expect(transport.map(show)).toEqual([]);
    expect(unexpected.map(show)).toEqual([]);
    expect(accepted.length).toBe(leads.length);
    expect(drained).toBe(true);
    expect(notCompleted).toEqual([]);
    expect(effects.lost).toEqual([]);
    expect(effects.doubled).toEqual([]);
  }, 900_000);
});
