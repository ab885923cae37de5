// Sign-in and secrets, attacked as an outsider would (issue 11, classes 1, 3 and 5):
// - password guessing with a new X-Forwarded-For per attempt on every sign-in endpoint (CRM,
//   studio, website visitors): refused after the per-account limit, even the right password;
// - staff sign-up through the CRM's and the studio's auth endpoints: refused, no account made;
// - account discovery: unknown email, wrong password and non-operator answer alike, in similar time;
// - published secrets: an app started as a fresh `npm start` once started it (no secret
//   configured) refuses to run in production, and a running app rejects email-change,
//   verification and session tokens signed with every secret string in the repository and its
//   history, and revalidation with every published token, on any host.
import http from "node:http";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffAccount, signInWithPassword } from "@real-estate/auth";
import { isPublishedSecret } from "@real-estate/auth/secrets";
import { setDb } from "@real-estate/db";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { rawRequest, type RawResponse } from "../src/http/raw-request";
import { recordFigures } from "../src/report/summary";
import { forgeJwt, forgeSignedCookie } from "../src/secrets/forge-tokens";
import { publishedSecretCandidates, type SecretCandidates } from "../src/secrets/repository-secrets";
import { startNextServer } from "../src/servers/next-server";
import { suiteAuthSecret } from "../src/world/member-sessions";
import { seedTenant, type SeededTenant } from "../src/world/seed-world";
import { startApps, type AppServers } from "../src/world/start-apps";

let testDb: TestDatabase;
let tenant: SeededTenant;
let servers: AppServers;
let candidates: SecretCandidates;
const PASSWORD = "staff-password-for-tests-1";
const figures = { probes: 0, fiveXx: 0, failures: 0 };
const notes: string[] = [];
let spoofed = 0;

async function send(
  origin: string,
  method: string,
  urlPath: string,
  options: { host?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const host = options.host ?? new URL(origin).host;
  const res = await rawRequest({
    origin,
    method,
    path: urlPath,
    headers: {
      host,
      origin: `http://${host}`,
      // A new forwarding header on every request: a limit keyed on it would never trip.
      "x-forwarded-for": `198.18.${(++spoofed >> 8) & 255}.${spoofed & 255}`,
      ...(options.json === undefined ? {} : { "content-type": "application/json" }),
      ...options.headers,
    },
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  figures.probes++;
  if (res.status >= 500) figures.fiveXx++;
  return res;
}
const expectOr = (ok: boolean) => {
  if (!ok) figures.failures++;
  return ok;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Starts an app the way a fresh `npm start` did before issue 11: production, nothing configured. */
async function startUnconfigured(app: "crm" | "web"): Promise<{ started: true; origin: string; stop: () => Promise<void> } | { started: false; log: string }> {
  const saved = { BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET, INTERNAL_API_TOKEN: process.env.INTERNAL_API_TOKEN };
  delete process.env.BETTER_AUTH_SECRET;
  delete process.env.INTERNAL_API_TOKEN;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unconfigured-"));
  try {
    const server = await startNextServer({
      app,
      databaseUrl: testDb.url,
      label: "unconfigured",
      env: { AUTH_DEMO_MODE: "1", DATA_DIR: dataDir, AUTH_ALLOWED_HOSTS: "*.test,*.test:*,127.0.0.1:*" },
    });
    return { started: true, origin: server.origin, stop: server.stop };
  } catch (error) {
    const logFile = /see (\S+)$/.exec((error as Error).message)?.[1];
    return { started: false, log: logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : String(error) };
  } finally {
    Object.assign(process.env, saved);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase("signin");
  tenant = await seedTenant(testDb.db, "a");
  suiteAuthSecret();
  setDb(testDb.db);
  // The per-address limit is set out of the way here: every request of this file comes from one address.
  servers = await startApps({
    apps: ["crm", "studio", "web"],
    databaseUrl: testDb.url,
    label: "signin",
    parallel: true,
    env: { SIGN_IN_FAILURES_PER_ADDRESS: "100000" },
  });
  candidates = publishedSecretCandidates();
});
afterAll(async () => {
  recordFigures({ check: "sign-in guessing, staff sign-up, enumeration, published secrets", ...figures, note: notes.join("; ") });
  await servers?.stop();
  await testDb?.drop();
});

async function staff(email: string, platformRole: string | null = null): Promise<{ id: string; email: string }> {
  const made = await createStaffAccount({ name: email, email, password: PASSWORD, db: testDb.db });
  if (!made.ok) throw new Error(made.message);
  if (platformRole) await testDb.db.user.update({ where: { id: made.userId }, data: { platformRole } });
  return { id: made.userId, email };
}

describe("password guessing with a new X-Forwarded-For per attempt", () => {
  it("refuses every attempt past the per-account limit on the CRM, studio and website sign-in endpoints, the right password included", async () => {
    const member = await staff("guessed.member@alpha.test");
    const operator = await staff("guessed.operator@platform.test", "operator");
    const paths = [
      {
        name: "crm /api/auth/sign-in/email",
        origin: servers.origins.crm!,
        host: tenant.crmHost,
        path: "/api/auth/sign-in/email",
        email: member.email,
        right: PASSWORD,
      },
      {
        name: "studio /api/auth/sign-in/email",
        origin: servers.origins.studio!,
        host: undefined,
        path: "/api/auth/sign-in/email",
        email: operator.email,
        right: PASSWORD,
      },
      {
        name: "web /api/auth/sign-in",
        origin: servers.origins.web!,
        host: tenant.webHost,
        path: "/api/auth/sign-in",
        email: tenant.visitor.email,
        right: tenant.visitor.password,
      },
    ];
    const ATTEMPTS = 30;
    for (const p of paths) {
      const statuses: number[] = [];
      for (let i = 0; i < ATTEMPTS; i++)
        statuses.push((await send(p.origin, "POST", p.path, { host: p.host, json: { email: p.email, password: `guess-number-${i}-x` } })).status);
      const right = await send(p.origin, "POST", p.path, { host: p.host, json: { email: p.email, password: p.right } });
      const refused = statuses.filter((s) => s === 429).length;
      notes.push(`${p.name}: ${ATTEMPTS} guesses, ${refused} refused (429), right password afterwards ${right.status}`);
      expect(expectOr(statuses.slice(0, 5).every((s) => s === 401))).toBe(true);
      expect(expectOr(refused === ATTEMPTS - 5)).toBe(true);
      expect(expectOr(right.status === 429 && Number(right.headers["retry-after"]) > 0)).toBe(true);
    }
  });
});

describe("staff accounts only by invitation", () => {
  it("refuses sign-up through the CRM's and the studio's auth endpoints, with any password", async () => {
    const tries = [
      { origin: servers.origins.crm!, host: tenant.crmHost },
      { origin: servers.origins.studio!, host: undefined },
    ];
    const statuses: number[] = [];
    for (const t of tries) {
      for (const password of ["12345678", "a-long-and-unusual-password-9"]) {
        const email = `walk-in.${crypto.randomBytes(3).toString("hex")}@outside.test`;
        const res = await send(t.origin, "POST", "/api/auth/sign-up/email", { host: t.host, json: { name: "Walk In", email, password } });
        statuses.push(res.status);
        expect(expectOr(res.status >= 400 && res.status < 500 && !res.headers["set-cookie"]?.some((c) => c.includes("session_token=")))).toBe(true);
        expect(expectOr((await testDb.db.user.count({ where: { email } })) === 0)).toBe(true);
      }
    }
    notes.push(`staff sign-up: ${statuses.length} attempts, statuses ${JSON.stringify(statuses)}, 0 accounts`);
  });
});

describe("account discovery", () => {
  it("answers unknown email, wrong password and non-operator alike, in similar time", async () => {
    // Fresh accounts per sample keep every account under its limit.
    const ROUNDS = 4;
    // Separate members for the CRM and the studio: both count failures on the same account.
    const members = await Promise.all(Array.from({ length: ROUNDS }, (_, i) => staff(`timing.member${i}@alpha.test`)));
    const studioMembers = await Promise.all(Array.from({ length: ROUNDS }, (_, i) => staff(`timing.studio-member${i}@alpha.test`)));
    const operators = await Promise.all(Array.from({ length: ROUNDS }, (_, i) => staff(`timing.operator${i}@platform.test`, "operator")));
    const cases = {
      "crm unknown email": (i: number) => ({
        origin: servers.origins.crm!,
        host: tenant.crmHost,
        email: `nobody${i}.${spoofed}@alpha.test`,
        password: PASSWORD,
      }),
      "crm wrong password": (i: number) => ({
        origin: servers.origins.crm!,
        host: tenant.crmHost,
        email: members[i % ROUNDS]!.email,
        password: "not-the-password-1",
      }),
      "studio unknown email": (i: number) => ({
        origin: servers.origins.studio!,
        host: undefined,
        email: `nobody${i}.${spoofed}@platform.test`,
        password: PASSWORD,
      }),
      "studio wrong password": (i: number) => ({
        origin: servers.origins.studio!,
        host: undefined,
        email: operators[i % ROUNDS]!.email,
        password: "not-the-password-1",
      }),
      "studio non-operator, right password": (i: number) => ({
        origin: servers.origins.studio!,
        host: undefined,
        email: studioMembers[i % ROUNDS]!.email,
        password: PASSWORD,
      }),
    } as const;
    const times: Record<string, number[]> = {};
    const bodies: Record<string, Set<string>> = {};
    // Interleaved, so that the machine's load falls on every case alike; 3 samples per account.
    for (let i = 0; i < ROUNDS * 3; i++) {
      for (const [name, make] of Object.entries(cases)) {
        const c = make(i);
        const res = await send(c.origin, "POST", "/api/auth/sign-in/email", { host: c.host, json: { email: c.email, password: c.password } });
        (times[name] ??= []).push(res.ms);
        (bodies[`${name.split(" ")[0]}`] ??= new Set()).add(`${res.status} ${res.body}`);
      }
    }
    const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    notes.push(
      `sign-in medians (ms, ${ROUNDS * 3} each): ${Object.entries(medians)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    expect(expectOr(bodies.crm!.size === 1 && bodies.studio!.size === 1)).toBe(true);
    expect([...bodies.crm!][0]).toMatch(/^401 /);
    for (const app of ["crm", "studio"]) {
      const ms = Object.entries(medians)
        .filter(([k]) => k.startsWith(app))
        .map(([, v]) => v);
      // Similar: the slowest case's median within twice the fastest's (plus 20 ms of network noise).
      expect(expectOr(Math.max(...ms) <= 2 * Math.min(...ms) + 20)).toBe(true);
    }
  });
});

describe("published secrets", () => {
  it("finds the published secrets in the repository and its history", () => {
    const published = candidates.values.filter((v) => isPublishedSecret(v));
    notes.push(
      `secret candidates: ${candidates.values.length} (working tree ${candidates.fromTree}, history ${candidates.fromHistory}, better-auth ${candidates.fromPackages}), of them known published values ${published.length}`,
    );
    // The former auth default, the revalidation default and better-auth's fallback at least.
    expect(expectOr(published.length >= 3)).toBe(true);
  });

  it("a fresh install started without secrets in production refuses to start (CRM and website), naming the setting", async () => {
    for (const [app, name] of [
      ["crm", "BETTER_AUTH_SECRET"],
      ["web", "INTERNAL_API_TOKEN"],
    ] as const) {
      const result = await startUnconfigured(app);
      figures.probes++;
      if (result.started) {
        // It runs: then nothing published may be accepted by it (checked as on the configured servers).
        const accepted = app === "crm" ? await forgedAccepted(result.origin, tenant.crmHost) : await revalidationsAccepted(result.origin);
        await result.stop();
        notes.push(`unconfigured ${app}: started, accepted ${accepted} forged/published tokens`);
        expect(expectOr(accepted === 0)).toBe(true);
      } else {
        expect(expectOr(result.log.includes(`refusing to start: ${name} is not set`))).toBe(true);
      }
    }
  });

  it("rejects email-change, verification and session tokens signed with every candidate secret", async () => {
    const accepted = await forgedAccepted(servers.origins.crm!, tenant.crmHost);
    expect(expectOr(accepted === 0)).toBe(true);
  });

  it("refuses revalidation with every published token, on any host", async () => {
    const accepted = await revalidationsAccepted(servers.origins.web!);
    expect(expectOr(accepted === 0)).toBe(true);
  });
});

/** Forged tokens the CRM at `origin` accepted (0 is the only right answer). */
async function forgedAccepted(origin: string, host: string): Promise<number> {
  const victim = await staff(`victim.${crypto.randomBytes(3).toString("hex")}@alpha.test`);
  const signedIn = await signInWithPassword({ email: victim.email, password: PASSWORD, headers: new Headers({ host: "localhost:3001" }) });
  if (!signedIn.ok) throw new Error(signedIn.message);
  const session = await testDb.db.session.findFirstOrThrow({ where: { userId: victim.id }, select: { token: true } });
  let accepted = 0;
  for (const secret of candidates.values) {
    const change = forgeJwt(secret, {
      email: victim.email,
      updateTo: `taken.${victim.id}@evil.test`,
      userId: victim.id,
      requestType: "change-email-verification",
    });
    const verify = forgeJwt(secret, { email: victim.email });
    for (const token of [change, verify]) {
      const res = await send(origin, "GET", `/api/auth/verify-email?token=${token}`, { host });
      if (res.status < 300) accepted++;
    }
    const cookie = forgeSignedCookie(secret, session.token);
    const res = await send(origin, "GET", "/api/auth/get-session", {
      host,
      headers: { cookie: `__Secure-re.session_token=${cookie}; re.session_token=${cookie}` },
    });
    if (res.status === 200 && res.body.includes(victim.id)) accepted++;
  }
  const after = await testDb.db.user.findUniqueOrThrow({ where: { id: victim.id }, select: { email: true, emailVerified: true } });
  if (after.email !== victim.email || after.emailVerified) accepted++;
  notes.push(
    `forged tokens at ${origin === servers.origins.crm ? "configured" : "unconfigured"} crm: ${candidates.values.length * 3} sent, ${accepted} accepted`,
  );
  return accepted;
}

/** Revalidations the website at `origin` accepted with published tokens (0 is the only right answer). */
async function revalidationsAccepted(origin: string): Promise<number> {
  let accepted = 0;
  let sent = 0;
  // A candidate no HTTP client can send as a header value (a placeholder such as `sk_live_…` in the
  // README) cannot reach the route; every other one is sent.
  const sendable = candidates.values.filter((v) => {
    try {
      http.validateHeaderValue("x-internal-token", v);
      return true;
    } catch {
      return false;
    }
  });
  for (const token of sendable) {
    for (const host of [tenant.webHost, "localhost", "127.0.0.1"]) {
      const res = await send(origin, "POST", "/api/internal/revalidate", { host, json: { tenantId: tenant.tenantId }, headers: { "x-internal-token": token } });
      sent++;
      if (res.status < 300) accepted++;
    }
  }
  notes.push(
    `revalidation with published tokens: ${sent} sent, ${accepted} accepted (${candidates.values.length - sendable.length} candidates cannot be a header value)`,
  );
  return accepted;
}
