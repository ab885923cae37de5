// API-key calls do not pass the proxy (proxy.ts `config`): the API route layer answers them with
// what the proxy did. Over HTTP against the production build, two tenants: the security headers,
// the unstorable-URL 400, the unknown-host 404, and no client-sent x-tenant-* header reaching
// another tenant's data. Session calls still pass the proxy and answer as before. Server action
// calls Next.js would refuse by throwing are answered by the request front first (the cases are in
// front-door-server-actions.ts, run on this file's server).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@real-estate/crm";
import { setDb } from "@real-estate/db";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { createCrmFixtureTenant, PASSWORD, type FixtureTenant } from "./support/crm-fixture";
import { signInOnServer, startCrmServer, type CrmServer } from "./support/crm-server";
import { sendTo, serverActionCases, type Answer } from "./front-door-server-actions";

const PORT = 4290;
const HOST_A = "crm.alpha-door.localhost";
const HOST_B = "crm.beta-door.localhost";

let testDb: TestDatabase;
let server: CrmServer | undefined;
let a: FixtureTenant & { key: string };
let b: FixtureTenant & { key: string };

const send = (options: Omit<Parameters<typeof sendTo>[1], "body"> & { body?: string }): Promise<Answer> => sendTo(PORT, options);

const bearer = (key: string) => ({ authorization: `Bearer ${key}`, accept: "application/json" });

/** The CRM's security headers, as the proxy sets them on pages. */
function expectSecurityHeaders(r: Answer) {
  const csp = String(r.headers["content-security-policy"] ?? "");
  expect(csp, JSON.stringify(r.headers)).toMatch(/'nonce-[^']+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(r.headers["x-frame-options"]).toBe("DENY");
}

beforeAll(async () => {
  testDb = await createTestDatabase("crmfrontdoor");
  setDb(testDb.db);
  const tenant = async (slug: string, name: string, host: string, last: string) => {
    const t = await createCrmFixtureTenant(testDb.db, {
      slug,
      name,
      crmHosts: [host],
      people: [{ first: "Pat", last, email: `pat.${slug}@example.com`, source: "valuation" }],
    });
    return { ...t, key: (await createApiKey({ tenantId: t.tenantId, name: "front door", createdByUserId: t.owner.userId })).key };
  };
  a = await tenant("alpha-door", "Alpha Door Realty", HOST_A, "Alphadoor");
  b = await tenant("beta-door", "Beta Door Homes", HOST_B, "Betadoor");
  server = await startCrmServer({ port: PORT, databaseUrl: testDb.url, readyHost: HOST_A });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await testDb?.drop();
});

describe("API-key calls answered by the route layer", () => {
  it("GET /api/leads with a key carries the security headers and the RateLimit headers", async () => {
    const r = await send({ host: HOST_A, path: "/api/leads", headers: bearer(a.key) });
    expect(r.status, server!.output().slice(-3000)).toBe(200);
    expect(r.body).toContain("Alphadoor");
    expectSecurityHeaders(r);
    expect(r.headers["ratelimit-limit"]).toBeDefined();
    expect(r.headers["ratelimit-remaining"]).toBeDefined();
    for (const name of Object.keys(r.headers)) expect(name).not.toMatch(/^x-middleware-|^x-tenant-/);
  });

  it("refusals carry them too: a bad key's 401 and a session-less call's 401", async () => {
    const badKey = await send({ host: HOST_A, path: "/api/leads", headers: bearer("not-a-key") });
    expect(badKey.status).toBe(401);
    expect(JSON.parse(badKey.body)).toMatchObject({ error: "invalid_api_key" });
    expectSecurityHeaders(badKey);
    const noCredentials = await send({ host: HOST_A, path: "/api/leads", headers: { accept: "application/json" } });
    expect(noCredentials.status).toBe(401);
    expectSecurityHeaders(noCredentials);
  });

  it("POST /v1/events with a key (Basic, as Follow Up Boss clients send it) carries the security headers", async () => {
    const body = JSON.stringify({
      source: "frontdoor.example",
      type: "General Inquiry",
      message: "Front door check",
      person: { firstName: "Fran", lastName: "Doorway", emails: [{ value: "fran.doorway@example.com" }] },
    });
    const basic = `Basic ${Buffer.from(`${a.key}:`).toString("base64")}`;
    const r = await send({ host: HOST_A, path: "/v1/events", method: "POST", headers: { authorization: basic, "content-type": "application/json" }, body });
    expect(r.status).toBe(201);
    expectSecurityHeaders(r);
    expect(r.headers["ratelimit-limit"]).toBeDefined();
  });

  it("answers 400 naming the part to a URL with an unstorable query parameter or path segment, before the route", async () => {
    // The server's request front refuses these before Next.js (no security headers there, as before).
    for (const [path, field] of [
      ["/api/leads?q=a%00b", "q"],
      ["/api/leads?status=%ED%A0%80", "status"],
      ["/v1/events?x=%00", "x"],
      ["/api/leads/a%00b", "path"],
    ] as const) {
      const r = await send({ host: HOST_A, path, headers: bearer(a.key) });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body), path).toEqual({ error: "malformed_request", fields: { [field]: [expect.any(String)] } });
    }
  });

  it("answers 404 unknown_tenant to a key on a host no CRM answers on", async () => {
    for (const path of ["/api/leads", "/v1/events"]) {
      const r = await send({ host: "crm.nobody-door.localhost", path, method: path === "/v1/events" ? "POST" : "GET", headers: bearer(a.key) });
      expect(r.status, path).toBe(404);
      expect(JSON.parse(r.body)).toEqual({ error: "unknown_tenant" });
      expectSecurityHeaders(r);
    }
  });

  it("never lets a client-sent x-tenant-* header reach another tenant's data", async () => {
    const forged = { "x-tenant-id": b.tenantId, "x-tenant-slug": "beta-door" };
    // A's key on A's host, naming B: A's leads only.
    const own = await send({ host: HOST_A, path: "/api/leads", headers: { ...bearer(a.key), ...forged } });
    expect(own.status).toBe(200);
    expect(own.body).toContain("Alphadoor");
    expect(own.body).not.toContain("Betadoor");
    expect(own.body).not.toContain(b.tenantId);
    // A's key on B's host (naming A): B does not know the key.
    const other = await send({ host: HOST_B, path: "/api/leads", headers: { ...bearer(a.key), "x-tenant-id": a.tenantId, "x-tenant-slug": "alpha-door" } });
    expect(other.status).toBe(401);
    expect(other.body).not.toContain("Betadoor");
    // A's key, an unknown host, naming A: no tenant at all.
    const nowhere = await send({ host: "crm.nobody-door.localhost", path: "/api/leads", headers: { ...bearer(a.key), "x-tenant-id": a.tenantId } });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body).not.toContain("Alphadoor");
  });

  it("answers an API path no route serves with a JSON 404, after the same front door, with or without a key", async () => {
    for (const path of ["/api/no-such-thing", "/api/leads-x/1", "/v1/no-such-thing"]) {
      for (const method of ["GET", "POST", "DELETE"]) {
        const keyed = await send({ host: HOST_A, path, method, headers: bearer(a.key) });
        expect(keyed.status, `${method} ${path}`).toBe(404);
        expect(keyed.headers["content-type"]).toContain("application/json");
        expect(JSON.parse(keyed.body)).toEqual({ error: "not_found" });
        expectSecurityHeaders(keyed);
        const anonymous = await send({ host: HOST_A, path, method, headers: { accept: "application/json" } });
        expect(anonymous.status, `${method} ${path} without a key`).toBe(404);
        expect(JSON.parse(anonymous.body)).toEqual({ error: "not_found" });
        expectSecurityHeaders(anonymous);
      }
      const nowhere = await send({ host: "crm.nobody-door.localhost", path, headers: bearer(a.key) });
      expect(nowhere.status).toBe(404);
      expect(JSON.parse(nowhere.body)).toEqual({ error: "unknown_tenant" });
    }
  });

  it("answers a method no route serves (TRACE, PROPFIND) 405 before Next.js, on pages and API paths, with a key or without", async () => {
    for (const method of ["TRACE", "PROPFIND"]) {
      for (const [path, headers] of [
        ["/sign-in", {}],
        ["/api/leads", bearer(a.key)],
        ["/api/leads", {}],
        ["/v1/events", bearer(a.key)],
      ] as const) {
        const r = await send({ host: HOST_A, path, method, headers });
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        expect(JSON.parse(r.body)).toMatchObject({ error: "method_not_allowed" });
      }
    }
  });

  // What one answer of the route layer comes to: status, Allow, the JSON error, the security headers.
  const summary = async (host: string, method: string, path: string, headers: Record<string, string>) => {
    const r = await send({ host, path, method, headers });
    const csp = String(r.headers["content-security-policy"] ?? "");
    return {
      request: `${method} ${path}`,
      status: r.status,
      allow: r.headers.allow ?? null,
      error: r.body ? ((JSON.parse(r.body) as { error?: string }).error ?? null) : null,
      securityHeaders: /'nonce-[^']+'/.test(csp) && csp.includes("frame-ancestors 'none'") && r.headers["x-frame-options"] === "DENY",
    };
  };
  const SOME_ID = "00000000-0000-4000-8000-000000000000";

  it("answers a key's OPTIONS through the route layer: 204 with the methods the route serves, and the security headers", async () => {
    const rows = [];
    for (const path of ["/api/leads", `/api/leads/${SOME_ID}`, `/api/webhooks/${SOME_ID}`, "/api/profile/photo", "/v1/events"]) {
      rows.push(await summary(HOST_A, "OPTIONS", path, bearer(a.key)));
    }
    expect(rows).toEqual([
      { request: "OPTIONS /api/leads", status: 204, allow: "GET, HEAD, OPTIONS", error: null, securityHeaders: true },
      { request: `OPTIONS /api/leads/${SOME_ID}`, status: 204, allow: "GET, HEAD, PATCH, OPTIONS", error: null, securityHeaders: true },
      { request: `OPTIONS /api/webhooks/${SOME_ID}`, status: 204, allow: "GET, HEAD, PATCH, DELETE, OPTIONS", error: null, securityHeaders: true },
      { request: "OPTIONS /api/profile/photo", status: 204, allow: "PUT, DELETE, OPTIONS", error: null, securityHeaders: true },
      { request: "OPTIONS /v1/events", status: 204, allow: "POST, OPTIONS", error: null, securityHeaders: true },
    ]);
  });

  it("answers a key's method the route does not serve 405 method_not_allowed (JSON) with Allow and the security headers", async () => {
    const rows = [];
    for (const [method, path] of [
      ["DELETE", "/api/leads"],
      ["POST", "/api/leads"],
      ["PUT", `/api/leads/${SOME_ID}`],
      ["PATCH", "/api/my-day"],
      ["GET", "/v1/events"],
      ["DELETE", "/v1/events"],
      ["GET", "/api/profile/photo"],
    ] as const) {
      rows.push(await summary(HOST_A, method, path, bearer(a.key)));
    }
    const refused = (request: string, allow: string) => ({ request, status: 405, allow, error: "method_not_allowed", securityHeaders: true });
    expect(rows).toEqual([
      refused("DELETE /api/leads", "GET, HEAD, OPTIONS"),
      refused("POST /api/leads", "GET, HEAD, OPTIONS"),
      refused(`PUT /api/leads/${SOME_ID}`, "GET, HEAD, PATCH, OPTIONS"),
      refused("PATCH /api/my-day", "GET, HEAD, OPTIONS"),
      refused("GET /v1/events", "POST, OPTIONS"),
      refused("DELETE /v1/events", "POST, OPTIONS"),
      refused("GET /api/profile/photo", "PUT, DELETE, OPTIONS"),
    ]);
    // HEAD where GET is not served: the same refusal, without a body.
    const head = await send({ host: HOST_A, path: "/v1/events", method: "HEAD", headers: bearer(a.key) });
    expect(head.status).toBe(405);
    expect(head.headers.allow).toBe("POST, OPTIONS");
    expect(head.headers["content-type"]).toContain("application/json");
    expectSecurityHeaders(head);
  });

  it("answers OPTIONS on an API path no route serves with the catch-all's JSON 404, with or without a key", async () => {
    const rows = [];
    for (const path of ["/api/no-such-thing", "/v1/no-such-thing"]) {
      rows.push(await summary(HOST_A, "OPTIONS", path, bearer(a.key)));
      rows.push(await summary(HOST_A, "OPTIONS", path, { accept: "application/json" }));
    }
    const notFound = (request: string) => ({ request, status: 404, allow: null, error: "not_found", securityHeaders: true });
    expect(rows).toEqual([
      notFound("OPTIONS /api/no-such-thing"),
      notFound("OPTIONS /api/no-such-thing"),
      notFound("OPTIONS /v1/no-such-thing"),
      notFound("OPTIONS /v1/no-such-thing"),
    ]);
  });

  it("answers a key's OPTIONS or unserved method on a host no CRM answers on 404 unknown_tenant", async () => {
    const rows = [];
    for (const [method, path] of [
      ["OPTIONS", "/api/leads"],
      ["DELETE", "/api/leads"],
      ["OPTIONS", "/v1/events"],
      ["GET", "/v1/events"],
      ["OPTIONS", "/api/no-such-thing"],
    ] as const) {
      rows.push(await summary("crm.nobody-door.localhost", method, path, bearer(a.key)));
    }
    const unknown = (request: string) => ({ request, status: 404, allow: null, error: "unknown_tenant", securityHeaders: true });
    expect(rows).toEqual([
      unknown("OPTIONS /api/leads"),
      unknown("DELETE /api/leads"),
      unknown("OPTIONS /v1/events"),
      unknown("GET /v1/events"),
      unknown("OPTIONS /api/no-such-thing"),
    ]);
  });

  it("answers a session's (or no one's) unserved method with the same JSON 405 after the proxy", async () => {
    const cookie = await signInOnServer({ port: PORT, host: HOST_A, email: a.owner.email, password: PASSWORD });
    const rows = [
      await summary(HOST_A, "DELETE", "/api/leads", { cookie, accept: "application/json" }),
      await summary(HOST_A, "PUT", "/api/profile", { cookie, accept: "application/json" }),
      await summary(HOST_A, "DELETE", "/v1/events", { accept: "application/json" }),
    ];
    expect(rows).toEqual([
      { request: "DELETE /api/leads", status: 405, allow: "GET, HEAD, OPTIONS", error: "method_not_allowed", securityHeaders: true },
      { request: "PUT /api/profile", status: 405, allow: "GET, HEAD, PATCH, OPTIONS", error: "method_not_allowed", securityHeaders: true },
      { request: "DELETE /v1/events", status: 405, allow: "POST, OPTIONS", error: "method_not_allowed", securityHeaders: true },
    ]);
  });

  it("a session's API call still passes the proxy: security headers once, its tenant from the Host", async () => {
    const cookie = await signInOnServer({ port: PORT, host: HOST_A, email: a.owner.email, password: PASSWORD });
    const r = await send({ host: HOST_A, path: "/api/leads", headers: { cookie, accept: "application/json", "x-tenant-id": b.tenantId } });
    expect(r.status).toBe(200);
    expect(r.body).toContain("Alphadoor");
    expect(r.body).not.toContain("Betadoor");
    expectSecurityHeaders(r);
    expect(String(r.headers["content-security-policy"]).match(/'nonce-/g)?.length).toBe(1);
  });
});

serverActionCases({ port: PORT, hostA: HOST_A, hostB: HOST_B, output: () => server?.output() ?? "" });
