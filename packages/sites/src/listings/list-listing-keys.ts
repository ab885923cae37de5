import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/** Every listing key of the tenant with its modification time (sitemap). */
export async function listListingKeys(options: { tenantId: string; limit?: number; db?: Db }) {
  const db = options.db ?? getDb();
  const rows = await db.listing.findMany({
    where: { tenantId: options.tenantId, InternetEntireListingDisplayYN: true },
    select: { ListingKey: true, ModificationTimestamp: true },
    orderBy: { ListingKey: "asc" },
    take: Math.min(options.limit ?? 45_000, 45_000),
  });
  return rows.map((r) => ({ listingKey: r.ListingKey, modifiedAt: r.ModificationTimestamp.toISOString() }));
}
