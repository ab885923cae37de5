import type { ResolvedTenant } from "@real-estate/types";
import { LRUCache } from "lru-cache";

/**
 * How long a remembered lookup may answer without the database being asked again: another
 * process's change (the studio editing a domain) shows within this time even without an explicit
 * invalidation reaching this process. TENANT_CACHE_TTL_MS overrides the default of 5 s.
 */
export const TENANT_CACHE_TTL_MS = Number(process.env.TENANT_CACHE_TTL_MS ?? 5_000);
const ttl = TENANT_CACHE_TTL_MS;

/**
 * A remembered host lookup: `tenant` is null for a host no tenant has (misses are remembered too);
 * `readAt` is when the read that found it began (Date.now()), so its age bounds what it may miss.
 */
export type HostLookup = { tenant: ResolvedTenant | null; readAt: number };

/**
 * Host → tenant lookups (at most 10,000 hosts, least recently used evicted first). Their age is
 * checked by resolveTenantByHost against its bound (TENANT_CACHE_TTL_MS unless told otherwise);
 * an entry is never answered once older than that.
 */
const globalForCache = globalThis as unknown as { __tenantHostLookupsByAge?: LRUCache<string, HostLookup> };
export const tenantHostCache = (globalForCache.__tenantHostLookupsByAge ??= new LRUCache<string, HostLookup>({ max: 10_000 }));

/** The host reads in flight in this process, by cache key (kind and host name). */
const globalForReads = globalThis as unknown as { __tenantHostReads?: Map<string, Promise<ResolvedTenant | null>> };
export const tenantHostReads = (globalForReads.__tenantHostReads ??= new Map<string, Promise<ResolvedTenant | null>>());

/** Counts invalidations: a host read begun before one is not remembered after it. */
const globalForGeneration = globalThis as unknown as { __tenantHostGeneration?: { n: number } };
export const tenantHostGeneration = (globalForGeneration.__tenantHostGeneration ??= { n: 0 });

/** Tenant slug → tenant id (null: no such tenant), for the website's pages; same size and TTL as the host cache. */
type SlugLookup = { tenantId: string | null };
const globalForSlugs = globalThis as unknown as { __tenantSlugLookups?: LRUCache<string, SlugLookup> };
export const tenantSlugCache = (globalForSlugs.__tenantSlugLookups ??= new LRUCache<string, SlugLookup>({ max: 10_000, ttl }));

/** Drops cached host and slug lookups: for one tenant, or all of them. */
export function invalidateTenantCache(options: { tenantId?: string } = {}): void {
  tenantHostGeneration.n++;
  // A request after this one reads the host again rather than share a read begun before it.
  tenantHostReads.clear();
  if (!options.tenantId) {
    tenantSlugCache.clear();
    return tenantHostCache.clear();
  }
  for (const [slug, { tenantId }] of [...tenantSlugCache.entries()]) if (tenantId === null || tenantId === options.tenantId) tenantSlugCache.delete(slug);
  const stale = [...tenantHostCache.entries()].filter(([, { tenant }]) => tenant === null || tenant.tenantId === options.tenantId);
  for (const [host] of stale) tenantHostCache.delete(host);
}
