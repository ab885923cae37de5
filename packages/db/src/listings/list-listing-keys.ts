import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";

/** Every listing key of the tenant with its modification time (sitemap). */
export async function listListingKeys(options: { tenantId: string; limit?: number; db?: Db }) {
  const db = options.db ?? getDb();
  const rows = await db.listing.findMany({
    where: { tenantId: options.tenantId },
    select: { ListingKey: true, ModificationTimestamp: true },
    orderBy: { ListingKey: "asc" },
    take: Math.min(options.limit ?? 45_000, 45_000),
  });
  return rows.map((r) => ({ listingKey: r.ListingKey, modifiedAt: r.ModificationTimestamp.toISOString() }));
}
