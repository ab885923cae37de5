import type { Db, DbTx } from "@real-estate/db";
import { DEFAULT_PHONE_COUNTRY } from "@real-estate/types";

export type TenantLocale = { country: string; timeZone: string };

/** The tenant's country (for phone numbers) and time zone (for days and displayed times). */
export async function getTenantLocale(db: Db | DbTx, tenantId: string): Promise<TenantLocale> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { country: true, timeZone: true } });
  return { country: tenant?.country ?? DEFAULT_PHONE_COUNTRY, timeZone: tenant?.timeZone ?? "America/New_York" };
}

/** How long getTenantLocaleCached keeps a locale: the tenant cache's TTL (TENANT_CACHE_TTL_MS, default 5 s). */
const LOCALE_TTL_MS = Number(process.env.TENANT_CACHE_TTL_MS ?? 5_000);
const LOCALE_CACHE_MAX = 10_000;
const localeCache = new Map<string, { locale: TenantLocale; expiresAt: number }>();

/**
 * getTenantLocale through a short in-process cache by tenant, for the worker's hot path (every
 * website event reads it): a change of country or time zone in the studio applies to the events
 * processed after at most LOCALE_TTL_MS, as a domain change reaches the website's pages.
 */
export async function getTenantLocaleCached(db: Db | DbTx, tenantId: string): Promise<TenantLocale> {
  const now = Date.now();
  const hit = localeCache.get(tenantId);
  if (hit && hit.expiresAt > now) return hit.locale;
  const locale = await getTenantLocale(db, tenantId);
  if (LOCALE_TTL_MS > 0) {
    if (localeCache.size >= LOCALE_CACHE_MAX) localeCache.clear();
    localeCache.set(tenantId, { locale, expiresAt: now + LOCALE_TTL_MS });
  }
  return locale;
}
