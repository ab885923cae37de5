import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { Prisma } from "@real-estate/db";

/** Providers whose responses are cached (what their terms allow to keep: scores, place ids). */
export type CachedProvider = "walkscore" | "google-places";

/** A fresh cached value for the tenant, provider and key; null when missing or expired. */
export async function getProviderCacheEntry<T = unknown>(options: {
  tenantId: string;
  provider: CachedProvider;
  cacheKey: string;
  db?: Db;
}): Promise<T | null> {
  const db = options.db ?? getDb();
  const row = await db.providerCacheEntry.findUnique({
    where: { tenantId_provider_cacheKey: { tenantId: options.tenantId, provider: options.provider, cacheKey: options.cacheKey } },
    select: { value: true, expiresAt: true },
  });
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  return row.value as T;
}

/** Stores a provider value for the tenant and key for `ttlMs`. */
export async function putProviderCacheEntry(options: {
  tenantId: string;
  provider: CachedProvider;
  cacheKey: string;
  value: Prisma.InputJsonValue;
  ttlMs: number;
  db?: Db;
}): Promise<void> {
  const db = options.db ?? getDb();
  const expiresAt = new Date(Date.now() + options.ttlMs);
  const key = { tenantId: options.tenantId, provider: options.provider, cacheKey: options.cacheKey };
  await db.providerCacheEntry.upsert({
    where: { tenantId_provider_cacheKey: key },
    create: { ...key, value: options.value, expiresAt },
    update: { value: options.value, expiresAt, createdAt: new Date() },
  });
}
