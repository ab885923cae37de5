import type { TResolvedTenant } from "@real-estate/types";
import { TtlCache } from "../cache/ttl-cache";

/**
 * Host → tenant cache. Short TTL so that another process's change (the studio editing a
 * domain) shows within seconds even without an explicit invalidation reaching this process.
 * TENANT_CACHE_TTL_MS overrides the default of 5 s.
 */
const ttl = Number(process.env.TENANT_CACHE_TTL_MS ?? 5_000);
const globalForCache = globalThis as unknown as { __tenantHostCache?: TtlCache<string, TResolvedTenant | null> };
export const tenantHostCache = (globalForCache.__tenantHostCache ??= new TtlCache<string, TResolvedTenant | null>(ttl));

/** Drops cached host lookups: for one tenant, or all of them. */
export function invalidateTenantCache(options: { tenantId?: string } = {}): void {
  if (!options.tenantId) return tenantHostCache.clear();
  tenantHostCache.clear((_host, value) => value === null || value.tenantId === options.tenantId);
}
