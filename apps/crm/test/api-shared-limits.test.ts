// The API's rate limits on the CRM's production build: every request of a key or a signed-in
// member is counted in PostgreSQL's rate_limit_count, the one count every instance of the CRM
// shares. The build bundles packages/db into several chunks; the limiters must still find the
// app's pool (decision 0065), else each instance would count alone and allow the whole limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@real-estate/db";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { createApiKey } from "@real-estate/crm";
import { createCrmFixtureTenant, PASSWORD, type FixtureTenant } from "./support/crm-fixture";
import { httpGet, signInOnServer, startCrmServer, type CrmServer } from "./support/crm-server";

const CRM_PORT = 4280;
const HOST_A = "crm.limits-a.localhost";
const HOST_B = "crm.limits-b.localhost";

let testDb: TestDatabase;
let crm: CrmServer | undefined;
let a: FixtureTenant;
let b: FixtureTenant;

/** Points counted under one limiter's key in the shared table (0 when no row). */
async function counted(key: string): Promise<number> {
  const rows = await testDb.db.$queryRaw<{ points: number }[]>`SELECT points FROM rate_limit_count WHERE key = ${key}`;
  return rows.reduce((sum, row) => sum + Number(row.points), 0);
}

beforeAll(async () => {
  testDb = await createTestDatabase("crmsharedlimits");
  setDb(testDb.db);
  a = await createCrmFixtureTenant(testDb.db, { slug: "limitsa", name: "Limits A Realty", crmHosts: [HOST_A], people: [] });
  b = await createCrmFixtureTenant(testDb.db, { slug: "limitsb", name: "Limits B Realty", crmHosts: [HOST_B], people: [] });
  crm = await startCrmServer({ port: CRM_PORT, databaseUrl: testDb.url, readyHost: HOST_A, env: { REDIS_URL: "" } });
}, 900_000);

afterAll(async () => {
  await crm?.stop();
  await testDb?.drop();
});

describe("API rate limits on the production build", () => {
  it("counts each request of a key in the shared table, under its own tenant and key, with the key's limit in the headers", async () => {
    const { apiKey, key } = await createApiKey({
      db: testDb.db,
      tenantId: a.tenantId,
      name: "Counted",
      createdByUserId: a.owner.userId,
      rateLimitPerMinute: 5,
    });
    const row = `rl:crm-api-key:${a.tenantId}|${apiKey.id}`;
    for (const n of [1, 2, 3]) {
      const res = await httpGet({ port: CRM_PORT, host: HOST_A, path: "/api/leads?limit=1", headers: { authorization: `Bearer ${key}` } });
      expect(res.status).toBe(200);
      expect([res.headers["ratelimit-limit"], res.headers["ratelimit-remaining"]]).toEqual(["5", String(5 - n)]);
    }
    expect(await counted(row)).toBe(3);
    // The key is tenant A's: sent to tenant B's host it is refused, and nothing is counted for it there.
    const elsewhere = await httpGet({ port: CRM_PORT, host: HOST_B, path: "/api/leads?limit=1", headers: { authorization: `Bearer ${key}` } });
    expect(elsewhere.status).toBe(401);
    expect(await counted(`rl:crm-api-key:${b.tenantId}|${apiKey.id}`)).toBe(0);
    expect(await counted(row)).toBe(3);
    // Past its limit the key is refused from the shared count, with Retry-After.
    for (let n = 4; n <= 5; n++) {
      expect((await httpGet({ port: CRM_PORT, host: HOST_A, path: "/api/leads?limit=1", headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    }
    const refused = await httpGet({ port: CRM_PORT, host: HOST_A, path: "/api/leads?limit=1", headers: { authorization: `Bearer ${key}` } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(await counted(row)).toBe(6);
  });

  it("counts a signed-in member's API requests in the shared table, per tenant and member", async () => {
    const cookie = await signInOnServer({ port: CRM_PORT, host: HOST_B, email: b.agent.email, password: PASSWORD });
    const row = `rl:crm-api-session:${b.tenantId}|${b.agent.userId}`;
    for (const _ of [1, 2]) {
      const res = await httpGet({ port: CRM_PORT, host: HOST_B, path: "/api/leads?limit=1", headers: { cookie, origin: `http://${HOST_B}` } });
      expect(res.status).toBe(200);
    }
    expect(await counted(row)).toBe(2);
    expect(await counted(`rl:crm-api-session:${a.tenantId}|${b.agent.userId}`)).toBe(0);
  });
});
