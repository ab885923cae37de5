import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

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
