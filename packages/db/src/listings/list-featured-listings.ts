import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { listingCardSelect, toListingCard, type TListingCard } from "./listing-select";

/** The tenant's newest active listings, for the home page. */
export async function listFeaturedListings(options: { tenantId: string; limit?: number; db?: Db }): Promise<TListingCard[]> {
  const db = options.db ?? getDb();
  const rows = await db.listing.findMany({
    where: { tenantId: options.tenantId, StandardStatus: "Active" },
    select: listingCardSelect,
    orderBy: [{ ModificationTimestamp: "desc" }, { ListingKey: "asc" }],
    take: Math.min(Math.max(options.limit ?? 6, 1), 24),
  });
  return rows.map(toListingCard);
}
