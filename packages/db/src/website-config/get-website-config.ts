import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";

export const websiteConfigSelect = {
  tenantId: true,
  siteTitle: true,
  heroHeadline: true,
  heroSubheadline: true,
  contactEmail: true,
  contactPhone: true,
  officeAddress: true,
  updatedAt: true,
} as const;

/** The tenant's website settings (never the provider keys: see getProviderKeys). */
export async function getWebsiteConfig(options: { tenantId: string; db?: Db }) {
  const db = options.db ?? getDb();
  return db.websiteConfig.findUnique({ where: { tenantId: options.tenantId }, select: websiteConfigSelect });
}

/** Provider API keys: the tenant's own, else the platform's from the environment. */
export async function getProviderKeys(options: { tenantId: string; db?: Db }) {
  const db = options.db ?? getDb();
  const row = await db.websiteConfig.findUnique({
    where: { tenantId: options.tenantId },
    select: { walkScoreApiKey: true, googlePlacesApiKey: true },
  });
  return {
    walkScoreApiKey: row?.walkScoreApiKey || process.env.WALKSCORE_API_KEY || null,
    googlePlacesApiKey: row?.googlePlacesApiKey || process.env.GOOGLE_PLACES_API_KEY || null,
  };
}
