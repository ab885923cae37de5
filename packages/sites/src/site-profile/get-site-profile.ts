import type { TenantStatusData } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type SiteProfile = {
  tenantId: string;
  slug: string;
  name: string;
  status: TenantStatusData;
  primaryColor: string;
  accentColor: string;
  logoPath: string | null;
  tagline: string | null;
  /** The tenant's primary website host (canonical URLs): never the request's Host. */
  primaryHostname: string | null;
  siteTitle: string;
  heroHeadline: string;
  heroSubheadline: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  officeAddress: string | null;
  /** ISO 3166-1 alpha-2: phone numbers of this country are shown in national format. */
  country: string;
  /** IANA time zone the site shows times in (open houses). */
  timeZone: string;
  updatedAt: string;
};

/** What the public site needs to know about its tenant: branding, website settings, primary host. */
export async function getSiteProfile(options: { tenantId: string; db?: Db }): Promise<SiteProfile | null> {
  const db = options.db ?? getDb();
  const tenant = await db.tenant.findUnique({
    where: { id: options.tenantId },
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      primaryColor: true,
      accentColor: true,
      logoPath: true,
      tagline: true,
      country: true,
      timeZone: true,
      updatedAt: true,
      websiteConfig: {
        select: { siteTitle: true, heroHeadline: true, heroSubheadline: true, contactEmail: true, contactPhone: true, officeAddress: true, updatedAt: true },
      },
      // Same order as host resolution: the primary flag first, then the oldest host.
      domains: { where: { kind: "WEB" }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }], take: 1, select: { hostname: true } },
    },
  });
  if (!tenant) return null;
  const config = tenant.websiteConfig;
  const updatedAt = config && config.updatedAt > tenant.updatedAt ? config.updatedAt : tenant.updatedAt;
  return {
    tenantId: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    status: tenant.status,
    primaryColor: tenant.primaryColor,
    accentColor: tenant.accentColor,
    logoPath: tenant.logoPath,
    tagline: tenant.tagline,
    primaryHostname: tenant.domains[0]?.hostname ?? null,
    siteTitle: config?.siteTitle ?? tenant.name,
    heroHeadline: config?.heroHeadline ?? `Find your home with ${tenant.name}`,
    heroSubheadline: config?.heroSubheadline ?? null,
    contactEmail: config?.contactEmail ?? null,
    contactPhone: config?.contactPhone ?? null,
    officeAddress: config?.officeAddress ?? null,
    country: tenant.country,
    timeZone: tenant.timeZone,
    updatedAt: updatedAt.toISOString(),
  };
}
