import type { ResolvedTenant } from "@real-estate/types";
import { LRUCache } from "lru-cache";

/** A cached lookup: `tenant` is null for a host no tenant has (misses are cached too). */
type HostLookup = { tenant: ResolvedTenant | null };

/**
 * Host → tenant cache (at most 10,000 hosts, least recently used evicted first). Short TTL so
 * that another process's change (the studio editing a domain) shows within seconds even without
 * an explicit invalidation reaching this process. TENANT_CACHE_TTL_MS overrides the default of 5 s.
 */
const ttl = Number(process.env.TENANT_CACHE_TTL_MS ?? 5_000);
const globalForCache = globalThis as unknown as { __tenantHostLookups?: LRUCache<string, HostLookup> };
export const tenantHostCache = (globalForCache.__tenantHostLookups ??= new LRUCache<string, HostLookup>({ max: 10_000, ttl }));

/** Tenant slug → tenant id (null: no such tenant), for the website's pages; same size and TTL as the host cache. */
type SlugLookup = { tenantId: string | null };
const globalForSlugs = globalThis as unknown as { __tenantSlugLookups?: LRUCache<string, SlugLookup> };
export const tenantSlugCache = (globalForSlugs.__tenantSlugLookups ??= new LRUCache<string, SlugLookup>({ max: 10_000, ttl }));

/** Drops cached host and slug lookups: for one tenant, or all of them. */
export function invalidateTenantCache(options: { tenantId?: string } = {}): void {
  if (!options.tenantId) {
    tenantSlugCache.clear();
    return tenantHostCache.clear();
  }
  for (const [slug, { tenantId }] of [...tenantSlugCache.entries()]) if (tenantId === null || tenantId === options.tenantId) tenantSlugCache.delete(slug);
  const stale = [...tenantHostCache.entries()].filter(([, { tenant }]) => tenant === null || tenant.tenantId === options.tenantId);
  for (const [host] of stale) tenantHostCache.delete(host);
}
