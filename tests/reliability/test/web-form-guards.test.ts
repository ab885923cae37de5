// The public forms' guards, on a production web server with its default-like limits: rate
// limits answer 429 + Retry-After, bot traps accept and queue nothing, cross-site POSTs are
// refused, consent is recorded with text version, time, IP and page, and inputs that once
// caused 5xx answer 4xx.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { rawRequest } from "../src/http/raw-request";
import { recordFigures } from "../src/report/summary";
import { seedWorld, type World } from "../src/world/seed-world";
import { startApps, type AppServers } from "../src/world/start-apps";

let testDb: TestDatabase;
let world: World;
let servers: AppServers;
let check: pg.Client;
const figures = { probes: 0, failures: 0, fiveXx: 0 };

beforeAll(async () => {
  testDb = await createTestDatabase("guards");
  world = await seedWorld(testDb.db);
  // This file plays a trusted proxy on loopback (TRUST_PROXY), naming each request's client in
  // X-Forwarded-For, so its checks do not share one bucket; security-client-address.test.ts
  // shows that without TRUST_PROXY the same header changes nothing.
  servers = await startApps({
    apps: ["web"],
    databaseUrl: testDb.url,
    label: "guards",
    env: { WEB_RATE_LIMIT_PER_MINUTE: "5", WEB_FORM_MIN_FILL_MS: "2500", TRUST_PROXY: "loopback" },
  });
  check = new pg.Client({ connectionString: testDb.url });
  await check.connect();
});
afterAll(async () => {
  recordFigures({ check: "web form guards (429, bot traps, CSRF, consent)", ...figures });
  await check?.end();
  await servers?.stop();
  await testDb?.drop();
});

let ipCounter = 0;
/** POST to A's site; each call comes from its own client address unless `ip` is given (X-Forwarded-For, trusted from loopback here). */
async function post(path: string, body: Record<string, unknown> | string, headers: Record<string, string> = {}, host = world.a.webHost) {
  const isForm = typeof body === "string";
  const res = await rawRequest({
    origin: servers.origins.web!,
    method: "POST",
    path,
    headers: {
      host,
      "content-type": isForm ? "application/x-www-form-urlencoded" : "application/json",
      "x-forwarded-for": `198.51.100.${++ipCounter % 250}`,
      ...headers,
    },
    body: isForm ? body : JSON.stringify(body),
  });
  figures.probes++;
  if (res.status >= 500) figures.fiveXx++;
  return res;
}
const jobsFor = async (eventId: string) => Number((await check.query(`SELECT count(*) FROM "IngestionJob" WHERE "eventId" = $1`, [eventId])).rows[0].count);
const expectOr = (ok: boolean) => {
  if (!ok) figures.failures++;
  return ok;
};

describe("public form guards", () => {
  it("rate-limits per client address with 429 and Retry-After", async () => {
    const ip = { "x-forwarded-for": "203.0.113.77" };
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 8; i++) {
      const r = await post("/api/lead", { email: `rl${i}@people.test`, startedAt: Date.now() - 10_000 }, ip);
      statuses.push(r.status);
      if (r.status === 429) retryAfter = String(r.headers["retry-after"] ?? "");
    }
    expect(expectOr(statuses.slice(0, 5).every((s) => s === 202))).toBe(true);
    expect(expectOr(statuses.slice(5).every((s) => s === 429))).toBe(true);
    expect(expectOr(Number(retryAfter) > 0)).toBe(true);
  });

  it("accepts bot submissions (honeypot, too fast) like a person's and queues nothing", async () => {
    const honeypot = await post("/api/lead", {
      eventId: "bot-honeypot-1",
      email: "bot1@spam.test",
      website: "http://spam.test",
      startedAt: Date.now() - 10_000,
    });
    const tooFast = await post("/api/lead", "eventId=bot-fast-1&email=bot2%40spam.test&startedAt=" + Date.now());
    const noStamp = await post("/api/lead", "eventId=bot-nostamp-1&email=bot3%40spam.test");
    expect(expectOr(honeypot.status === 202)).toBe(true);
    expect(expectOr(tooFast.status === 303 && noStamp.status === 303)).toBe(true);
    expect(expectOr((await jobsFor("bot-honeypot-1")) + (await jobsFor("bot-fast-1")) + (await jobsFor("bot-nostamp-1")) === 0)).toBe(true);
  });

  it("refuses cross-site POSTs to the public forms (another site, another tenant's site, opaque origin)", async () => {
    const origins = ["http://evil.example", `http://${world.b.webHost}`, "null"];
    for (const [i, origin] of origins.entries()) {
      for (const path of ["/api/lead", "/api/valuation"]) {
        const eventId = `xsite-${i}-${path.length}`;
        const r = await post(path, { eventId, email: `x${i}@people.test`, address: "1 Main Street", startedAt: Date.now() - 10_000 }, { origin });
        expect(expectOr(r.status === 403)).toBe(true);
        expect(expectOr((await jobsFor(eventId)) === 0)).toBe(true);
      }
    }
    const viaReferer = await post("/api/lead", { eventId: "xsite-ref", email: "r@people.test" }, { referer: "http://evil.example/form" });
    expect(expectOr(viaReferer.status === 403)).toBe(true);
  });

  it("stores the consent text, version, time, IP and page with a lead that gave a phone", async () => {
    const r = await post(
      "/api/lead",
      {
        eventId: "consent-1",
        name: "Casey Consent",
        phone: "(203) 555-0142",
        consent: true,
        pageUrl: `http://${world.a.webHost}/contact`,
        startedAt: Date.now() - 10_000,
      },
      { origin: `http://${world.a.webHost}`, referer: `http://${world.a.webHost}/contact`, "x-forwarded-for": "198.51.100.42" },
    );
    expect(expectOr(r.status === 202)).toBe(true);
    const job = (await check.query(`SELECT payload FROM "IngestionJob" WHERE "eventId" = 'consent-1'`)).rows[0]?.payload;
    const consent = job?.payload?.consent;
    expect(expectOr(Boolean(consent))).toBe(true);
    expect(consent).toMatchObject({
      given: true,
      version: expect.any(String),
      text: expect.stringMatching(/phone|text/i),
      at: expect.any(String),
      pageUrl: expect.stringContaining("/contact"),
    });
    expect(consent.ip).toBeTruthy();
    expect(new Date(consent.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("answers 4xx, never 5xx, to inputs that once broke the forms (NUL bytes, lone surrogates, objects that cannot become primitives)", async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ["/api/lead", { email: "nul@people.test", message: "a\u0000b", startedAt: Date.now() - 10_000 }],
      ["/api/lead", { email: "sur@people.test", listingKey: "\uD800", startedAt: Date.now() - 10_000 }],
      ["/api/valuation", { email: "nul2@people.test", address: "1 Main\u0000 Street", startedAt: Date.now() - 10_000 }],
      // An object whose own toString/valueOf are not functions cannot be converted to a number or string.
      ["/api/lead", { email: "obj@people.test", startedAt: { toString: "x", valueOf: "y" } }],
      ["/api/valuation", { email: "obj2@people.test", address: "1 Main Street", startedAt: { toString: "x" } }],
      ["/api/auth/sign-up", { email: "obj3@people.test", password: "long-enough-1", startedAt: { valueOf: 1, toString: 2 } }],
    ];
    const bad: string[] = [];
    for (const [path, body] of cases) {
      const r = await post(path, body);
      if (r.status >= 500) bad.push(`${path} ${JSON.stringify(body)} -> ${r.status}`);
    }
    figures.failures += bad.length;
    expect(bad).toEqual([]);
  });

  it("sends HSTS only when a trusted proxy says the request came over HTTPS", async () => {
    const get = (headers: Record<string, string>) =>
      rawRequest({ origin: servers.origins.web!, method: "GET", path: "/contact", headers: { host: world.a.webHost, ...headers } });
    const overHttps = await get({ "x-forwarded-proto": "https" });
    const overHttp = await get({});
    figures.probes += 2;
    expect(expectOr(/max-age=\d+/.test(String(overHttps.headers["strict-transport-security"] ?? "")))).toBe(true);
    expect(expectOr(overHttp.headers["strict-transport-security"] === undefined)).toBe(true);
  });
});
