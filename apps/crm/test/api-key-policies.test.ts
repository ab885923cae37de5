// API key scopes (read, write) and per-key rate limits on every API route, on the real database,
// two tenants. The limits count in Redis when REDIS_URL is set (127.0.0.1:6379 here and on CI,
// REDIS_TEST_URL names another), as the CRM counts them in production.
import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { createApiKey, type ApiKeyScope } from "@real-estate/crm";
import * as contactsRoute from "../app/api/contacts/route";
import * as leadRoute from "../app/api/leads/[leadId]/route";
import * as webhooksRoute from "../app/api/webhooks/route";
import * as eventsRoute from "../app/v1/events/route";
import { call } from "./support/api-client";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("api18_key_policies");

const REDIS_URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 1_000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}

// Outside CI, on a machine without Redis, the limits count in PostgreSQL (the default store) and
// the two checks about Redis itself are skipped, saying so. CI never skips them.
const withoutRedis = !process.env.CI && !(await reachable(REDIS_URL));
if (withoutRedis) console.warn(`api-key-policies: nothing answers at ${REDIS_URL}; limits count in PostgreSQL and the Redis checks are skipped`);
else process.env.REDIS_URL = REDIS_URL;

async function keyFor(side: Side, options: { scopes?: ApiKeyScope[]; rateLimitPerMinute?: number } = {}): Promise<string> {
  return (await createApiKey({ tenantId: side.tenantId, name: "policy test", createdByUserId: side.owner.userId, ...options })).key;
}

const listContacts = (side: Side, bearer: string) => call(contactsRoute.GET, { host: side.crmHost, path: "/api/contacts", creds: { bearer } });
const createContact = (side: Side, bearer: string, email: string) =>
  call(contactsRoute.POST, { host: side.crmHost, path: "/api/contacts", method: "POST", creds: { bearer }, body: { firstName: "Pat", email } });
const contactCount = (side: Side) => testDb().db.contact.count({ where: { tenantId: side.tenantId } });

let a: Side;
let b: Side;
beforeAll(async () => {
  ({ a, b } = await setUpTwoTenants(testDb().db));
});

describe("API key scopes", () => {
  it("a read-only key reads and is refused every write with 403 naming the missing scope; nothing is stored", async () => {
    const key = await keyFor(a, { scopes: ["read"] });
    const listed = await listContacts(a, key);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(3);
    const before = await contactCount(a);
    const refused = await createContact(a, key, "read-only@example.com");
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: "insufficient_scope", requiredScope: "write" });
    expect(refused.body.message).toContain('"write" scope');
    expect(refused.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="write"');
    const patch = await call(leadRoute.PATCH, {
      host: a.crmHost,
      path: `/api/leads/${a.leadIds[0]}`,
      method: "PATCH",
      creds: { bearer: key },
      body: { status: "CONTACTED" },
      params: { leadId: a.leadIds[0]! },
    });
    expect(patch.status).toBe(403);
    expect(patch.body.requiredScope).toBe("write");
    expect((await testDb().db.lead.findFirstOrThrow({ where: { tenantId: a.tenantId, id: a.leadIds[0] } })).status).toBe("NEW");
    const hook = await call(webhooksRoute.POST, {
      host: a.crmHost,
      path: "/api/webhooks",
      method: "POST",
      creds: { bearer: key },
      body: { url: "https://hooks.example.com/x", events: ["lead.created"] },
    });
    expect(hook.status).toBe(403);
    // The Follow Up Boss-compatible API answers the same, with the errorMessage its clients read.
    const event = await call(eventsRoute.POST, {
      host: a.crmHost,
      path: "/v1/events",
      method: "POST",
      creds: { basic: key },
      body: { source: "Portal", type: "Registration", person: { emails: [{ value: "fub-read@example.com" }] } },
    });
    expect(event.status).toBe(403);
    expect(event.body.errorMessage).toContain('"write" scope');
    expect(await contactCount(a)).toBe(before);
    expect(await testDb().db.ingestionJob.count({ where: { tenantId: a.tenantId } })).toBe(0);
    expect(await testDb().db.webhookEndpoint.count({ where: { tenantId: a.tenantId } })).toBe(0);
  });

  it("a write-only key writes and is refused reads with 403 naming the read scope", async () => {
    const key = await keyFor(a, { scopes: ["write"] });
    const created = await createContact(a, key, "write-only@example.com");
    expect(created.status).toBe(201);
    const refused = await listContacts(a, key);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: "insufficient_scope", requiredScope: "read" });
    expect(refused.body.items).toBeUndefined();
  });

  it("a key works on its own tenant only, whatever its scopes; sessions are not limited by scopes (but counted per member)", async () => {
    const key = await keyFor(a, { scopes: ["read", "write"] });
    expect((await listContacts(b, key)).status).toBe(401);
    expect((await createContact(b, key, "cross@example.com")).status).toBe(401);
    expect(await testDb().db.contact.count({ where: { email: "cross@example.com" } })).toBe(0);
    const byOwner = await call(contactsRoute.GET, { host: a.crmHost, path: "/api/contacts", creds: { cookie: a.ownerCookie } });
    expect(byOwner.status).toBe(200);
    expect(byOwner.headers.get("ratelimit-limit")).toBe("1200");
  });

  it("creating a key without a scope is refused", async () => {
    await expect(keyFor(a, { scopes: [] })).rejects.toThrow(/at least one scope/);
  });
});

describe("per-key rate limits", () => {
  it("each answer says where the key stands; over its limit a key gets 429 with Retry-After and nothing is stored", async () => {
    const key = await keyFor(a, { rateLimitPerMinute: 3 });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await listContacts(a, key);
      expect(r.status).toBe(200);
      expect(r.headers.get("ratelimit-limit")).toBe("3");
      remaining.push(r.headers.get("ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const before = await contactCount(a);
    const over = await createContact(a, key, "over-limit@example.com");
    expect(over.status).toBe(429);
    expect(over.body.error).toBe("rate_limited");
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.headers.get("ratelimit-remaining")).toBe("0");
    expect(await contactCount(a)).toBe(before);
    // Another key of the same tenant, and the other tenant's key, have their own budgets.
    expect((await listContacts(a, await keyFor(a, { rateLimitPerMinute: 3 }))).status).toBe(200);
    expect((await listContacts(b, b.apiKey)).status).toBe(200);
  });

  it("concurrent requests of one key: exactly its limit get through", async () => {
    const key = await keyFor(b, { rateLimitPerMinute: 5 });
    const results = await Promise.all(Array.from({ length: 12 }, () => listContacts(b, key)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it.skipIf(withoutRedis)("the count is shared through Redis: a fresh limiter (another CRM instance) sees the key's earlier requests", async () => {
    const key = await keyFor(a, { rateLimitPerMinute: 2 });
    expect((await listContacts(a, key)).status).toBe(200);
    // What another process would start with: no limiter of its own yet.
    delete (globalThis as { __crmApiKeyLimiter?: unknown }).__crmApiKeyLimiter;
    const second = await listContacts(a, key);
    expect(second.status).toBe(200);
    expect(second.headers.get("ratelimit-remaining")).toBe("0");
    delete (globalThis as { __crmApiKeyLimiter?: unknown }).__crmApiKeyLimiter;
    expect((await listContacts(a, key)).status).toBe(429);
  });
});

describe("per-member rate limits (signed-in CRM users calling the API)", () => {
  const limited = async <T>(perMinute: string, run: () => Promise<T>): Promise<T> => {
    process.env.CRM_API_SESSION_RATE_LIMIT_PER_MINUTE = perMinute;
    try {
      return await run();
    } finally {
      delete process.env.CRM_API_SESSION_RATE_LIMIT_PER_MINUTE;
    }
  };
  const listAs = (side: Side, cookie: string) => call(contactsRoute.GET, { host: side.crmHost, path: "/api/contacts", creds: { cookie } });
  const createAs = (side: Side, cookie: string, email: string) =>
    call(contactsRoute.POST, { host: side.crmHost, path: "/api/contacts", method: "POST", creds: { cookie }, body: { firstName: "Sam", email } });

  it("a member's answers say where they stand; over the limit 429 with Retry-After and nothing stored; other members keep their own budgets", async () => {
    await limited("3", async () => {
      const remaining: (string | null)[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await listAs(a, a.agentCookie);
        expect(r.status).toBe(200);
        expect(r.headers.get("ratelimit-limit")).toBe("3");
        expect(r.headers.get("ratelimit-policy")).toBe("3;w=60");
        remaining.push(r.headers.get("ratelimit-remaining"));
      }
      expect(remaining).toEqual(["2", "1", "0"]);
      const before = await contactCount(a);
      const over = await createAs(a, a.agentCookie, "member-over-limit@example.com");
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject({ error: "rate_limited" });
      expect(over.body.message).toContain("3 API requests per minute");
      const retryAfter = Number(over.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await contactCount(a)).toBe(before);
      // The owner of the same brokerage, the other brokerage's member and the brokerage's API key are counted apart.
      expect((await listAs(a, a.ownerCookie)).status).toBe(200);
      expect((await listAs(b, b.agentCookie)).status).toBe(200);
      expect((await listContacts(a, a.apiKey)).status).toBe(200);
    });
  });

  it.skipIf(withoutRedis)("concurrent requests of one member: exactly the limit get through, and the count is shared through Redis", async () => {
    await limited("4", async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => listAs(b, b.ownerCookie)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(4);
      expect(results.filter((r) => r.status === 429)).toHaveLength(6);
      // What another CRM instance would start with: no limiter of its own yet; it still refuses.
      delete (globalThis as { __crmApiSessionLimiter?: unknown }).__crmApiSessionLimiter;
      expect((await listAs(b, b.ownerCookie)).status).toBe(429);
    });
  });

  it("a limit that is not a number from 1 to 100,000 falls back to the default", async () => {
    await limited("lots", async () => {
      const r = await listAs(a, a.ownerCookie);
      expect(r.status).toBe(200);
      expect(r.headers.get("ratelimit-limit")).toBe("1200");
    });
  });
});
