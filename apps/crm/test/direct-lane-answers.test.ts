// The app server answers the API-key calls the proxy skips by calling their route handlers
// beside Next.js's router (decision 0114). Two servers on the same build and database, the lane
// on (the CRM's default) and off (APP_DIRECT_ROUTES=off): the same calls get the same status,
// headers and body; the lane's server says in its access log that it answered them, and a
// session call still passes the proxy on it.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@real-estate/crm";
import { setDb } from "@real-estate/db";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { createCrmFixtureTenant, PASSWORD, type FixtureTenant } from "./support/crm-fixture";
import { signInOnServer, startCrmServer, type CrmServer } from "./support/crm-server";
import type { Answer } from "./front-door-server-actions";

const LANE_PORT = 24114;
const NEXT_PORT = 24115;
const HOST = "crm.direct-lane.localhost";

let testDb: TestDatabase;
let lane: CrmServer | undefined;
let plain: CrmServer | undefined;
let tenant: FixtureTenant & { key: string };

beforeAll(async () => {
  testDb = await createTestDatabase("crmdirectlane");
  setDb(testDb.db);
  const t = await createCrmFixtureTenant(testDb.db, {
    slug: "direct-lane",
    name: "Direct Lane Realty",
    crmHosts: [HOST],
    people: [
      { first: "Pat", last: "Lanewood", email: "pat.lane@example.com", source: "valuation" },
      { first: "Sam", last: "Routerson", email: "sam.router@example.com", source: "contact" },
    ],
  });
  tenant = { ...t, key: (await createApiKey({ tenantId: t.tenantId, name: "direct lane", createdByUserId: t.owner.userId })).key };
  [lane, plain] = await Promise.all([
    startCrmServer({ port: LANE_PORT, databaseUrl: testDb.url, readyHost: HOST }),
    startCrmServer({ port: NEXT_PORT, databaseUrl: testDb.url, readyHost: HOST, env: { APP_DIRECT_ROUTES: "off" } }),
  ]);
}, 240_000);

afterAll(async () => {
  await Promise.all([lane?.stop(), plain?.stop()]);
  await testDb?.drop();
});

/** Header values that differ between any two answers (a fresh nonce, id, date, the shared rate-limit count). */
const PER_ANSWER = new Set(["date", "x-request-id", "ratelimit-remaining", "ratelimit-reset", "ratelimit", "keep-alive", "connection"]);

function comparable(answer: Answer & { raw: Buffer }): { status: number; headers: Record<string, unknown>; body: string } {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (PER_ANSWER.has(name)) continue;
    headers[name] = typeof value === "string" ? value.replace(/'nonce-[^']+'/g, "'nonce-*'") : value;
  }
  // Chunked under Next.js, with its length from the lane (one write with the head). A body under
  // 1 KB is not gzipped by the lane, where Next.js's router gzips any body it streams: compared
  // decoded.
  delete headers["content-length"];
  delete headers["transfer-encoding"];
  const gzipped = headers["content-encoding"] === "gzip";
  delete headers["content-encoding"];
  const body = gzipped ? gunzipSync(answer.raw).toString() : answer.raw.toString();
  return { status: answer.status, headers, body: body.replace(/"requestId":"[^"]+"/g, "") };
}

/** One request with an explicit Host; the body as the bytes sent (gzip left to the comparison). */
function sendTo(
  port: number,
  options: { host: string; path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer & { raw: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: options.path, method: options.method ?? "GET", headers: { host: options.host, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString(), raw });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const key = () => ({ authorization: `Bearer ${tenant.key}`, accept: "application/json" });

describe("the direct lane on the CRM", () => {
  it("answers API-key calls as Next.js's router does (status, headers, body), and says it answered them", async () => {
    const calls: { path: string; method?: string; headers?: Record<string, string>; body?: string }[] = [
      { path: "/api/leads" },
      { path: "/api/leads?status=NEW&limit=5" },
      { path: "/api/leads?limit=nope" },
      { path: "/api/leads/0190a1b2-0000-7000-8000-000000000001" },
      { path: "/api/leads", method: "HEAD" },
      { path: "/api/leads", method: "OPTIONS" },
      { path: "/api/leads", method: "DELETE" },
      { path: "/api/contacts" },
      { path: "/api/no/such/route" },
      { path: "/v1/people" },
      { path: "/api/leads", headers: { authorization: "Bearer not-a-key" } },
      { path: "/api/contacts", method: "POST", headers: { "content-type": "application/json" }, body: "{" },
      { path: "/api/leads", headers: { "accept-encoding": "gzip" } },
    ];
    for (const call of calls) {
      const options = { host: HOST, path: call.path, method: call.method, headers: { ...key(), ...call.headers }, body: call.body };
      const viaNext = comparable(await sendTo(NEXT_PORT, options));
      const viaLane = comparable(await sendTo(LANE_PORT, options));
      expect(viaLane, `${call.method ?? "GET"} ${call.path}`).toEqual(viaNext);
    }
    // Each access line is written when its answer finished; the output reaches us a little later.
    const laneLines = () =>
      lane!
        .output()
        .split("\n")
        .filter((l) => l.includes('"msg":"request"') && l.includes('"lane":"direct"')).length;
    for (let i = 0; i < 50 && laneLines() < calls.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(laneLines()).toBe(calls.length);
    expect(plain!.output()).not.toContain('"lane":"direct"');
  });

  it("leaves a session call to Next.js (the proxy runs: its headers, no lane in the log line)", async () => {
    const cookie = await signInOnServer({ port: LANE_PORT, host: HOST, email: tenant.owner.email, password: PASSWORD });
    const before = lane!.output().length;
    const r = await sendTo(LANE_PORT, { host: HOST, path: "/api/leads", headers: { cookie, accept: "application/json" } });
    expect(r.status).toBe(200);
    expect(r.headers["x-frame-options"]).toBe("DENY");
    // The access line is written when the answer finished; the output reaches us a little later.
    const lineOf = () =>
      lane!
        .output()
        .slice(before)
        .split("\n")
        .find((l) => l.includes('"msg":"request"') && l.includes('"route":"/api/leads"'));
    for (let i = 0; i < 50 && !lineOf(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const line = lineOf();
    expect(line).toBeDefined();
    expect(line).not.toContain('"lane"');
  });
});
