import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { internetDisplayWhere, listingCardSelect, toListingCard, type ListingCardData } from "./listing-select";

/** The tenant's newest active listings, for the home page. */
export async function listFeaturedListings(options: { tenantId: string; limit?: number; db?: Db }): Promise<ListingCardData[]> {
  const db = options.db ?? getDb();
  const rows = await db.listing.findMany({
    where: { tenantId: options.tenantId, StandardStatus: "Active", ...internetDisplayWhere },
    select: listingCardSelect,
    orderBy: [{ ModificationTimestamp: "desc" }, { ListingKey: "asc" }],
    take: Math.min(Math.max(options.limit ?? 6, 1), 24),
  });
  return rows.map(toListingCard);
}
