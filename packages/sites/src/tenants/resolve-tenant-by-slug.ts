import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { tenantSlugCache } from "./tenant-cache";

/**
 * The id of the tenant with this slug, or null. The website's pages live under the tenant's slug
 * (`/sites/<slug>/…`, the target of proxy.ts's rewrite) rather than its id, so the internal id
 * never appears in a page's HTML or RSC payload; pages turn the slug back into the id here.
 * Cached briefly like host lookups (tenant-cache.ts).
 */
export async function resolveTenantIdBySlug(options: { slug: string; db?: Db }): Promise<string | null> {
  const cached = tenantSlugCache.get(options.slug);
  if (cached) return cached.tenantId;
  const db = options.db ?? getDb();
  // Slugs are platform-wide unique: the lookup before any tenant is known, like a host's.
  const tenant = await db.tenant.findUnique({ where: { slug: options.slug }, select: { id: true } });
  const tenantId = tenant?.id ?? null;
  tenantSlugCache.set(options.slug, { tenantId });
  return tenantId;
}

/** The tenant's current slug (uncached: for invalidation after a change), or null for an unknown id. */
export async function resolveTenantSlugById(options: { tenantId: string; db?: Db }): Promise<string | null> {
  const db = options.db ?? getDb();
  const tenant = await db.tenant.findUnique({ where: { id: options.tenantId }, select: { slug: true } });
  return tenant?.slug ?? null;
}
