// The production build of the CRM on Clerk (AUTH_PROVIDER=clerk): Clerk's own Next.js SDK
// (`clerkMiddleware` in proxy.ts, `auth()` in pages and routes) signs people in from the
// `__session` / `__client_uat` cookies a browser signed in through Clerk carries, with tokens
// signed by a key pair made here and verified with its public half (CLERK_JWT_KEY) alone.
// Clerk's Backend API is pointed at a local listener that records every request: it must get none.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@real-estate/crm";
import { setDb } from "@real-estate/db";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import {
  CLERK_TEST_FRONTEND_API,
  CLERK_TEST_PARTY,
  clerkSessionCookieFor,
  clientUatOf,
  createClerkTestKeys,
  signClerkSessionToken,
  useClerkForTests,
  type ClerkTestKeys,
} from "@real-estate/auth/testing";
import { createCrmFixtureTenant, type FixtureTenant } from "./support/crm-fixture";
import { httpGet, startCrmServer, type CrmServer } from "./support/crm-server";

const PORT = 4270;
const HOST_A = "crm.clerknext-a.localhost";
const HOST_B = "crm.clerknext-b.localhost";

let testDb: TestDatabase;
let server: CrmServer | undefined;
let clerkApi: http.Server | undefined;
const clerkApiRequests: string[] = [];
let keys: ClerkTestKeys;
let a: FixtureTenant;
let b: FixtureTenant;
/** Tenant A's owner as Clerk's database knows them: Clerk user id and A's organization. */
let ownerA: { clerkUserId: string; orgId: string };

/** A browser's page navigation (what Clerk's middleware treats as a document request). */
const PAGE = { accept: "text/html,application/xhtml+xml", "sec-fetch-dest": "document" };
/** A script's request (fetch), which Clerk never answers with a handshake redirect. */
const FETCH = { accept: "*/*", "sec-fetch-dest": "empty" };

function cookieOf(token: string): string {
  return `__session=${token}; __client_uat=${clientUatOf(token)}`;
}

function get(host: string, path: string, headers: Record<string, string>) {
  return httpGet({ port: PORT, host, path, headers });
}

beforeAll(async () => {
  // The test instance: AUTH_PROVIDER, CLERK_JWT_KEY, authorized parties, publishable and secret
  // keys in this process's environment, which the server inherits.
  keys = useClerkForTests();
  clerkApi = http.createServer((req, res) => {
    clerkApiRequests.push(`${req.method} ${req.url}`);
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => clerkApi!.listen(0, "127.0.0.1", resolve));
  const clerkApiUrl = `http://127.0.0.1:${(clerkApi.address() as AddressInfo).port}`;

  testDb = await createTestDatabase("crmclerknext");
  setDb(testDb.db);
  a = await createCrmFixtureTenant(testDb.db, {
    slug: "clerknexta",
    name: "Clerk Alpha Realty",
    crmHosts: [HOST_A],
    people: [{ first: "Alma", last: "Alphason", email: "alma@example.com", source: "valuation" }],
  });
  b = await createCrmFixtureTenant(testDb.db, {
    slug: "clerknextb",
    name: "Clerk Beta Homes",
    crmHosts: [HOST_B],
    people: [{ first: "Bert", last: "Betason", email: "bert@example.com", source: "valuation" }],
  });
  // Gives each tenant its Clerk organization and each owner a Clerk user id, as Clerk's dashboard would.
  await clerkSessionCookieFor({ email: a.owner.email, tenantId: a.tenantId, db: testDb.db });
  await clerkSessionCookieFor({ email: b.owner.email, tenantId: b.tenantId, db: testDb.db });
  const user = await testDb.db.user.findUniqueOrThrow({ where: { id: a.owner.userId }, select: { clerkUserId: true } });
  const tenant = await testDb.db.tenant.findUniqueOrThrow({ where: { id: a.tenantId }, select: { clerkOrganizationId: true } });
  ownerA = { clerkUserId: user.clerkUserId!, orgId: tenant.clerkOrganizationId! };

  server = await startCrmServer({
    port: PORT,
    databaseUrl: testDb.url,
    readyHost: HOST_A,
    env: { AUTH_PROVIDER: "clerk", CLERK_API_URL: clerkApiUrl, CLERK_DISABLE_AUTO_PROXY: "true" },
  });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => clerkApi?.close(resolve));
  await testDb?.drop();
});

/** Tenant A's owner with A's organization active, signed with the configured key unless told otherwise. */
function ownerToken(options: { expiresIn?: number; signWith?: ClerkTestKeys; azp?: string } = {}): string {
  return signClerkSessionToken(options.signWith ?? keys, {
    sub: ownerA.clerkUserId,
    azp: options.azp ?? CLERK_TEST_PARTY,
    org_id: ownerA.orgId,
    org_role: "org:admin",
    expiresIn: options.expiresIn ?? 60,
  });
}

describe("the CRM on Clerk's Next.js SDK, with no network", () => {
  it("serves a member's dashboard to a valid session token (clerkMiddleware + auth())", async () => {
    const r = await get(HOST_A, "/", { ...PAGE, cookie: cookieOf(ownerToken()) });
    expect(r.status, server!.output().slice(-3000)).toBe(200);
    expect(r.body).toContain("Clerk Alpha Realty");
    expect(r.body).not.toContain("Clerk Beta Homes");
    // The CRM's own security headers are still set when Clerk's middleware composes the proxy.
    expect(r.headers["content-security-policy"]).toMatch(/nonce-/);
    // …and let Clerk's browser script reach the instance's Frontend API, and nothing else.
    expect(r.headers["content-security-policy"]).toContain(`connect-src 'self' https://${CLERK_TEST_FRONTEND_API};`);
    // The layout's ClerkProvider loads Clerk's browser script from the key's Frontend API host.
    expect(r.body).toContain(CLERK_TEST_FRONTEND_API);
  });

  it("answers the REST API from the same token through auth() in a route handler", async () => {
    const r = await get(HOST_A, "/api/leads", { ...FETCH, accept: "application/json", cookie: cookieOf(ownerToken()) });
    expect(r.status).toBe(200);
    const names = JSON.stringify(JSON.parse(r.body));
    expect(names).toContain("Alphason");
    expect(names).not.toContain("Betason");
  });

  it("keeps API keys working behind Clerk's middleware", async () => {
    const { key } = await createApiKey({ tenantId: a.tenantId, name: "clerk-next", createdByUserId: a.owner.userId });
    const r = await get(HOST_A, "/api/leads", { accept: "application/json", authorization: `Bearer ${key}` });
    expect(r.status).toBe(200);
    expect(r.body).toContain("Alphason");
  });

  it("sends a visitor without a session to the sign-in page, which shows Clerk's sign-in", async () => {
    const r = await get(HOST_A, "/leads", PAGE);
    expect(r.status).toBe(307);
    expect(r.headers.location).toBe(`http://${HOST_A}/sign-in?next=%2Fleads`);
    const signIn = await get(HOST_A, "/sign-in", PAGE);
    expect(signIn.status).toBe(200);
    expect(signIn.body).toContain('data-testid="clerk-sign-in"');
    expect(signIn.body).not.toContain('id="password"');
  });

  it("signs a valid token in to the sign-in page's redirect home", async () => {
    const r = await get(HOST_A, "/sign-in", { ...PAGE, cookie: cookieOf(ownerToken()) });
    expect(r.status).toBe(307);
    expect(r.headers.location).toMatch(/\/$/);
  });

  it("refuses an expired token: Clerk's handshake redirect on a page, the sign-in redirect on a fetch", async () => {
    const expired = cookieOf(ownerToken({ expiresIn: -120 }));
    const page = await get(HOST_A, "/", { ...PAGE, cookie: expired });
    expect(page.status).toBe(307);
    // The browser goes to the instance's Frontend API for a fresh token; the server asked nothing.
    expect(new URL(page.headers.location!).host).toBe(CLERK_TEST_FRONTEND_API);
    expect(new URL(page.headers.location!).pathname).toBe("/v1/client/handshake");
    const fetched = await get(HOST_A, "/leads", { ...FETCH, cookie: expired });
    expect(fetched.status).toBe(307);
    expect(fetched.headers.location).toBe(`http://${HOST_A}/sign-in?next=%2Fleads`);
    const api = await get(HOST_A, "/api/leads", { accept: "application/json", cookie: expired });
    expect(api.status).toBe(401);
  });

  // Without __client_uat the token itself is valid: only Clerk's middleware refuses it, so the
  // API's 401 shows that the route read the session through auth(), not from the cookie.
  it("refuses a token signed with another key, from an unlisted party, or without __client_uat", async () => {
    const foreignKey = cookieOf(ownerToken({ signWith: createClerkTestKeys() }));
    const otherParty = cookieOf(ownerToken({ azp: "http://elsewhere.example" }));
    const withoutUat = `__session=${ownerToken()}`;
    for (const cookie of [foreignKey, otherParty, withoutUat]) {
      const r = await get(HOST_A, "/leads", { ...FETCH, cookie });
      expect(r.status).toBe(307);
      expect(r.headers.location).toBe(`http://${HOST_A}/sign-in?next=%2Fleads`);
      const api = await get(HOST_A, "/api/leads", { accept: "application/json", cookie });
      expect(api.status).toBe(401);
    }
  });

  it("gives another brokerage's organization no access, and none of this brokerage's data", async () => {
    const cookie = await clerkSessionCookieFor({ email: b.owner.email, tenantId: b.tenantId, db: testDb.db });
    const page = await get(HOST_A, "/", { ...PAGE, cookie });
    expect(page.status).toBe(307);
    expect(page.headers.location).toMatch(/\/no-access$/);
    const noAccess = await get(HOST_A, "/no-access", { ...PAGE, cookie });
    expect(noAccess.status).toBe(200);
    expect(noAccess.body).toContain('data-testid="no-access"');
    expect(noAccess.body).not.toContain("Alphason");
    const api = await get(HOST_A, "/api/leads", { accept: "application/json", cookie });
    expect(api.status).toBe(404);
    expect(api.body).not.toContain("Alphason");
    // The same session is a member on its own brokerage's host.
    const own = await get(HOST_B, "/", { ...PAGE, cookie });
    expect(own.status).toBe(200);
    expect(own.body).toContain("Clerk Beta Homes");
  });

  it("made no request to Clerk's Backend API", () => {
    expect(clerkApiRequests).toEqual([]);
  });
});
