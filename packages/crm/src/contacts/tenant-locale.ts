import type { Db, DbTx } from "@real-estate/db";
import { DEFAULT_PHONE_COUNTRY } from "@real-estate/types";
import { LRUCache } from "lru-cache";

export type TenantLocale = { country: string; timeZone: string };

/** The tenant's country (for phone numbers) and time zone (for days and displayed times). */
export async function getTenantLocale(db: Db | DbTx, tenantId: string): Promise<TenantLocale> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { country: true, timeZone: true } });
  return { country: tenant?.country ?? DEFAULT_PHONE_COUNTRY, timeZone: tenant?.timeZone ?? "America/New_York" };
}

/** Tenant → locale for getTenantLocaleCached: the tenant cache's size and TTL (TENANT_CACHE_TTL_MS, default 5 s). */
const localeCache = new LRUCache<string, TenantLocale, Db | DbTx>({
  max: 10_000,
  ttl: Number(process.env.TENANT_CACHE_TTL_MS ?? 5_000),
  fetchMethod: (tenantId, _stale, { context }) => getTenantLocale(context, tenantId),
});

/**
 * getTenantLocale through a short in-process cache by tenant, for the worker's hot path (every
 * website event reads it): a change of country or time zone in the studio applies to the events
 * processed after at most the TTL, as a domain change reaches the website's pages. Concurrent
 * callers for one tenant share one read.
 */
export async function getTenantLocaleCached(db: Db | DbTx, tenantId: string): Promise<TenantLocale> {
  return (await localeCache.fetch(tenantId, { context: db }))!;
}
