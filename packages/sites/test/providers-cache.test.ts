import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { getProviderCacheEntry, putProviderCacheEntry } from "../src/providers";

const testDb = useTestDatabase("provider_cache");

describe("provider cache", () => {
  it("keeps values per tenant, provider and key until they expire", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "pc-a" });
    const b = await createTenantFixture(db, { slug: "pc-b" });
    const key = { provider: "walkscore" as const, cacheKey: "41.14,-73.26" };
    await putProviderCacheEntry({ tenantId: a.tenantId, ...key, value: { walk: 71 }, ttlMs: 60_000 });
    expect(await getProviderCacheEntry({ tenantId: a.tenantId, ...key })).toEqual({ walk: 71 });
    expect(await getProviderCacheEntry({ tenantId: b.tenantId, ...key })).toBeNull();
    expect(await getProviderCacheEntry({ tenantId: a.tenantId, provider: "google-places", cacheKey: key.cacheKey })).toBeNull();
    await putProviderCacheEntry({ tenantId: a.tenantId, ...key, value: { walk: 72 }, ttlMs: -1 });
    expect(await getProviderCacheEntry({ tenantId: a.tenantId, ...key })).toBeNull();
    await putProviderCacheEntry({ tenantId: a.tenantId, ...key, value: { walk: 73 }, ttlMs: 60_000 });
    expect(await getProviderCacheEntry({ tenantId: a.tenantId, ...key })).toEqual({ walk: 73 });
  });
});
