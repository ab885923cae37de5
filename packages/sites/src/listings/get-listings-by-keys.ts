import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { internetDisplayWhere, listingCardSelect, toListingCard, type ListingCardData } from "./listing-select";

/** The tenant's listings among `listingKeys` (unknown keys and other tenants' are skipped), in the given order. */
export async function getListingsByKeys(options: { tenantId: string; listingKeys: string[]; db?: Db }): Promise<ListingCardData[]> {
  if (options.listingKeys.length === 0) return [];
  const db = options.db ?? getDb();
  const rows = await db.listing.findMany({
    where: { tenantId: options.tenantId, ListingKey: { in: options.listingKeys.slice(0, 500) }, ...internetDisplayWhere },
    select: listingCardSelect,
  });
  const byKey = new Map(rows.map((r) => [r.ListingKey, toListingCard(r)]));
  return options.listingKeys.flatMap((k) => byKey.get(k) ?? []);
}
