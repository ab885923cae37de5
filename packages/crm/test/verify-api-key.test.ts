import { describe, expect, it } from "vitest";
import type { Db } from "@real-estate/db";
import { useTestDatabase } from "@real-estate/db/testing";
import { createApiKey, forgetVerifiedApiKeys, revokeApiKey, VERIFIED_API_KEY_TTL_MS, verifyApiKey } from "../src/api-keys";
import { createCrmTenant } from "./support/crm-fixtures";

const testDb = useTestDatabase("crmverifykey");

/** The real client, counting the reads of key rows made through it. */
function countingKeyReads(db: Db): { db: Db; reads: () => number } {
  let reads = 0;
  const apiKey = new Proxy(db.apiKey, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== "findUnique" || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        reads++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const counted = new Proxy(db, { get: (target, prop, receiver) => (prop === "apiKey" ? apiKey : Reflect.get(target, prop, receiver)) });
  return { db: counted as Db, reads: () => reads };
}

describe("verifyApiKey on request paths (remembered for VERIFIED_API_KEY_TTL_MS)", () => {
  it("concurrent requests of a key not remembered share one read of its row; a revocation still refuses the next request", async () => {
    const { db } = testDb();
    const t = await createCrmTenant(db, "verify-key");
    const other = await createCrmTenant(db, "verify-key-other");
    const { apiKey, key } = await createApiKey({ db, tenantId: t.tenantId, name: "busy client", createdByUserId: t.ownerUserId });
    forgetVerifiedApiKeys("all");
    const counting = countingKeyReads(db);
    const rows = await Promise.all(
      Array.from({ length: 20 }, () => verifyApiKey({ tenantId: t.tenantId, key, maxAgeMs: VERIFIED_API_KEY_TTL_MS, db: counting.db })),
    );
    expect(rows.map((r) => r?.id)).toEqual(Array.from({ length: 20 }, () => apiKey.id));
    expect(counting.reads()).toBe(1);
    // Remembered now: no further read.
    expect((await verifyApiKey({ tenantId: t.tenantId, key, maxAgeMs: VERIFIED_API_KEY_TTL_MS, db: counting.db }))?.id).toBe(apiKey.id);
    expect(counting.reads()).toBe(1);
    // Another tenant's host never accepts the key, and is not answered from the remembered one.
    expect(await verifyApiKey({ tenantId: other.tenantId, key, maxAgeMs: VERIFIED_API_KEY_TTL_MS, db })).toBeNull();
    // lastUsedAt was written once, not once per concurrent request.
    expect((await db.apiKey.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: apiKey.id } } })).lastUsedAt).not.toBeNull();

    expect(await revokeApiKey({ tenantId: t.tenantId, apiKeyId: apiKey.id, actorUserId: t.ownerUserId, db })).toBe(true);
    const after = await Promise.all(Array.from({ length: 5 }, () => verifyApiKey({ tenantId: t.tenantId, key, maxAgeMs: VERIFIED_API_KEY_TTL_MS, db })));
    expect(after).toEqual([null, null, null, null, null]);
  });

  it("a read begun before a revocation in this process is not shared with a request made after it", async () => {
    const { db } = testDb();
    const t = await createCrmTenant(db, "verify-key-race");
    const { apiKey, key } = await createApiKey({ db, tenantId: t.tenantId, name: "revoked soon", createdByUserId: t.ownerUserId });
    forgetVerifiedApiKeys("all");
    const before = verifyApiKey({ tenantId: t.tenantId, key, maxAgeMs: VERIFIED_API_KEY_TTL_MS, db });
    expect(await revokeApiKey({ tenantId: t.tenantId, apiKeyId: apiKey.id, actorUserId: t.ownerUserId, db })).toBe(true);
    const afterRevocation = await verifyApiKey({ tenantId: t.tenantId, key, maxAgeMs: VERIFIED_API_KEY_TTL_MS, db });
    expect(afterRevocation).toBeNull();
    await before;
    // Whatever the earlier read saw, it was not remembered past the revocation.
    expect(await verifyApiKey({ tenantId: t.tenantId, key, maxAgeMs: VERIFIED_API_KEY_TTL_MS, db })).toBeNull();
  });

  it("a key in steady use is read again beside its requests, never answered from a verification older than maxAgeMs", { timeout: 15_000 }, async () => {
    const { db } = testDb();
    const t = await createCrmTenant(db, "verify-key-refresh");
    const { apiKey, key } = await createApiKey({ db, tenantId: t.tenantId, name: "steady client", createdByUserId: t.ownerUserId });
    forgetVerifiedApiKeys("all");
    const counting = countingKeyReads(db);
    const maxAgeMs = 1_000;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const verify = () => verifyApiKey({ tenantId: t.tenantId, key, maxAgeMs, db: counting.db });
    const firstReadAt = Date.now();
    expect((await verify())?.id).toBe(apiKey.id);
    expect(counting.reads()).toBe(1);
    // Fresh: answered without a read.
    expect((await verify())?.id).toBe(apiKey.id);
    expect(counting.reads()).toBe(1);
    // Past four fifths of its age: still answered at once, and the row is read again beside the request.
    await sleep(firstReadAt + maxAgeMs * 0.8 + 20 - Date.now());
    expect((await verify())?.id).toBe(apiKey.id);
    expect(counting.reads()).toBe(2);
    // Past the first verification's age: answered from the refreshed one, without a read on the request's path.
    await sleep(firstReadAt + maxAgeMs + 20 - Date.now());
    expect(counting.reads()).toBe(2);
    expect((await verify())?.id).toBe(apiKey.id);
    expect(counting.reads()).toBe(2);

    // Revoked by another instance (this process is not told): refused once maxAgeMs has passed since.
    await db.apiKey.update({ where: { tenantId_id: { tenantId: t.tenantId, id: apiKey.id } }, data: { revokedAt: new Date() } });
    const revokedAt = Date.now();
    await verify(); // may still be answered (and may start a read); the bound is what follows
    await sleep(revokedAt + maxAgeMs - Date.now());
    expect(await verify()).toBeNull();
    expect(await verify()).toBeNull();
  });
});
