// Editing an API key after creation (its name and requests per minute) over the REST API, on the
// real database, two tenants: owners only, validated, audited, effective at the key's next
// request, and serialised under concurrent edits.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { createApiKey, revokeApiKey } from "@real-estate/crm";
import * as contactsRoute from "../app/api/contacts/route";
import * as keysRoute from "../app/api/api-keys/route";
import * as keyRoute from "../app/api/api-keys/[apiKeyId]/route";
import { call, type Credentials } from "./support/api-client";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("a18_key_edits");

let a: Side;
let b: Side;
beforeAll(async () => {
  ({ a, b } = await setUpTwoTenants(testDb().db));
});

async function newKey(side: Side, rateLimitPerMinute = 600) {
  return createApiKey({ tenantId: side.tenantId, name: "edit test", createdByUserId: side.owner.userId, rateLimitPerMinute });
}
const patchKey = (side: Side, apiKeyId: string, body: unknown, creds: Credentials = { cookie: side.ownerCookie }) =>
  call(keyRoute.PATCH, { host: side.crmHost, path: `/api/api-keys/${apiKeyId}`, method: "PATCH", creds, body, params: { apiKeyId } });
const row = (side: Side, apiKeyId: string) => testDb().db.apiKey.findUniqueOrThrow({ where: { tenantId_id: { tenantId: side.tenantId, id: apiKeyId } } });
const audits = (side: Side, apiKeyId: string) =>
  testDb().db.tenantAuditLog.findMany({ where: { tenantId: side.tenantId, action: "api_key.updated", entityId: apiKeyId }, orderBy: { createdAt: "asc" } });

describe("editing an API key", () => {
  it("an owner changes a key's limit: audited with from and to, and the key's next request is counted against it", async () => {
    const { apiKey, key } = await newKey(a, 600);
    const before = await call(contactsRoute.GET, { host: a.crmHost, path: "/api/contacts", creds: { bearer: key } });
    expect(before.headers.get("ratelimit-limit")).toBe("600");
    const edited = await patchKey(a, apiKey.id, { rateLimitPerMinute: 2, name: "  Zapier  " });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: apiKey.id, name: "Zapier", rateLimitPerMinute: 2, scopes: ["read", "write"], status: "active" });
    expect(edited.body.keyHash).toBeUndefined();
    const [audit] = await audits(a, apiKey.id);
    expect(audit).toMatchObject({
      actorUserId: a.owner.userId,
      detail: { rateLimitPerMinute: { from: 600, to: 2 }, name: { from: "edit test", to: "Zapier" } },
    });
    // The key's next requests: the new limit (this window already holds one request).
    const next = await call(contactsRoute.GET, { host: a.crmHost, path: "/api/contacts", creds: { bearer: key } });
    expect(next.status).toBe(200);
    expect(next.headers.get("ratelimit-limit")).toBe("2");
    const listed = await call(keysRoute.GET, { host: a.crmHost, path: "/api/api-keys", creds: { cookie: a.ownerCookie } });
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((k: { id: string }) => k.id === apiKey.id)).toMatchObject({ name: "Zapier", rateLimitPerMinute: 2, prefix: apiKey.prefix });
    expect(JSON.stringify(listed.body)).not.toContain(key);
  });

  it("bad edits get 4xx and change nothing: limits outside 1-100,000, fractions, text, scopes, unknown fields, nothing to change", async () => {
    const { apiKey } = await newKey(a, 600);
    for (const body of [
      { rateLimitPerMinute: 0 },
      { rateLimitPerMinute: 100_001 },
      { rateLimitPerMinute: 2.5 },
      { rateLimitPerMinute: "60" },
      { rateLimitPerMinute: null },
      { scopes: ["read"] },
      { rateLimitPerMinute: 60, scopes: ["read"] },
      { rateLimitPerMinute: 60, tenantId: b.tenantId },
      { name: "   " },
      {},
    ]) {
      const r = await patchKey(a, apiKey.id, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.error).toBe("validation_failed");
    }
    const malformed = await call(keyRoute.PATCH, {
      host: a.crmHost,
      path: `/api/api-keys/${apiKey.id}`,
      method: "PATCH",
      creds: { cookie: a.ownerCookie },
      rawBody: "{not json",
      params: { apiKeyId: apiKey.id },
    });
    expect(malformed.status).toBe(400);
    expect(await row(a, apiKey.id)).toMatchObject({ rateLimitPerMinute: 600, name: "edit test", scopes: ["read", "write"] });
    expect(await audits(a, apiKey.id)).toHaveLength(0);
  });

  it("only the key's own brokerage's signed-in owners: another tenant's key 404, an agent 404, an API key 403, a revoked key 409; nothing changes", async () => {
    const { apiKey: bKey } = await newKey(b, 600);
    expect((await patchKey(a, bKey.id, { rateLimitPerMinute: 5 })).status).toBe(404);
    // A's owner cookie on B's host is not a member there.
    expect((await patchKey(b, bKey.id, { rateLimitPerMinute: 5 }, { cookie: a.ownerCookie })).status).toBe(404);
    expect((await patchKey(b, bKey.id, { rateLimitPerMinute: 5 }, { cookie: b.agentCookie })).status).toBe(404);
    const byKey = await patchKey(b, bKey.id, { rateLimitPerMinute: 100_000 }, { bearer: b.apiKey });
    expect(byKey.status).toBe(403);
    expect(byKey.body.error).toBe("session_required");
    expect((await patchKey(b, "not-a-uuid", { rateLimitPerMinute: 5 })).status).toBe(404);
    expect((await row(b, bKey.id)).rateLimitPerMinute).toBe(600);
    // Listing: A's owner sees A's keys only; agents and keys are refused.
    const listed = await call(keysRoute.GET, { host: a.crmHost, path: "/api/api-keys", creds: { cookie: a.ownerCookie } });
    expect(listed.body.items.map((k: { id: string }) => k.id)).not.toContain(bKey.id);
    expect((await call(keysRoute.GET, { host: a.crmHost, path: "/api/api-keys", creds: { cookie: a.agentCookie } })).status).toBe(404);
    expect((await call(keysRoute.GET, { host: a.crmHost, path: "/api/api-keys", creds: { bearer: a.apiKey } })).status).toBe(403);
    expect((await call(keysRoute.GET, { host: a.crmHost, path: "/api/api-keys" })).status).toBe(401);
    // Revoked: stays as it was.
    const { apiKey: gone } = await newKey(b, 600);
    await revokeApiKey({ tenantId: b.tenantId, apiKeyId: gone.id, actorUserId: b.owner.userId });
    const revoked = await patchKey(b, gone.id, { rateLimitPerMinute: 5 });
    expect(revoked.status).toBe(409);
    expect(revoked.body.error).toBe("api_key_revoked");
    expect((await row(b, gone.id)).rateLimitPerMinute).toBe(600);
    expect(await testDb().db.tenantAuditLog.count({ where: { action: "api_key.updated", entityId: { in: [bKey.id, gone.id] } } })).toBe(0);
  });

  it("concurrent edits of one key apply one after another: each audit entry starts where the previous one ended, and the last one is the key's limit", async () => {
    const { apiKey } = await newKey(a, 600);
    const limits = [11, 12, 13, 14, 15, 16, 17, 18];
    const results = await Promise.all(limits.map((n) => patchKey(a, apiKey.id, { rateLimitPerMinute: n })));
    expect(results.map((r) => r.status)).toEqual(limits.map(() => 200));
    const entries = (await audits(a, apiKey.id)).map((e) => (e.detail as { rateLimitPerMinute: { from: number; to: number } }).rateLimitPerMinute);
    expect(entries).toHaveLength(limits.length);
    expect(entries.map((c) => c.to).sort((x, y) => x - y)).toEqual(limits);
    // Followed from the created value, every entry links to exactly one next (timestamps may tie: no ordering by time).
    let at = 600;
    for (let i = 0; i < limits.length; i++) {
      const next = entries.filter((c) => c.from === at);
      expect(next, `edit from ${at}`).toHaveLength(1);
      at = next[0]!.to;
    }
    expect((await row(a, apiKey.id)).rateLimitPerMinute).toBe(at);
  });
});
