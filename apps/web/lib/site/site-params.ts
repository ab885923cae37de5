import { notFound } from "next/navigation";
import { resolveTenantIdBySlug } from "@real-estate/sites";

/**
 * The tenant id for a slug. At build time there is no database and no tenant: Next.js renders
 * its placeholder parameter ("-") for the routes it prerenders, which are then unknown.
 */
async function tenantIdFor(site: string): Promise<string | null> {
  if (process.env.NEXT_PHASE === "phase-production-build") return null;
  return resolveTenantIdBySlug({ slug: site });
}

/** The tenant segment of the website's internal routes: proxy.ts rewrites every page to `/sites/<tenant slug>/…`. */
export type SiteParams = { site: string };

/**
 * A page's route parameters with the tenant's id in place of its slug. The segment is the slug,
 * not the id, because Next.js sends route parameters to the browser (the RSC payload of every
 * page): the internal id never leaves the server. An unknown slug (a tenant renamed since the
 * rewrite) is this page's 404.
 */
export async function siteParams<T extends SiteParams>(params: Promise<T>): Promise<Omit<T, "site"> & { tenantId: string }> {
  const { site, ...rest } = await params;
  const tenantId = await tenantIdFor(site);
  if (!tenantId) notFound();
  return { ...rest, tenantId };
}

/** The same for route handlers: null for an unknown slug (the handler answers 404). */
export async function routeSiteParams<T extends SiteParams>(params: Promise<T>): Promise<(Omit<T, "site"> & { tenantId: string }) | null> {
  const { site, ...rest } = await params;
  const tenantId = await tenantIdFor(site);
  return tenantId ? { ...rest, tenantId } : null;
}
