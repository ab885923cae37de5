import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { internetDisplayWhere, listingDetailSelect, toListingCard } from "./listing-select";
import { parseOpenHouses } from "./open-houses";

/** One listing of the tenant by its ListingKey; null when missing or another tenant's. */
export async function getListing(options: { tenantId: string; listingKey: string; db?: Db }) {
  const db = options.db ?? getDb();
  const row = await db.listing.findFirst({
    where: { tenantId: options.tenantId, ListingKey: options.listingKey, ...internetDisplayWhere },
    select: listingDetailSelect,
  });
  if (!row) return null;
  return {
    ...toListingCard(row),
    ListingContractDate: row.ListingContractDate?.toISOString() ?? null,
    OnMarketDate: row.OnMarketDate?.toISOString() ?? null,
    OpenHouses: parseOpenHouses(row.OpenHouses),
    feedExtras: (row.feedExtras && typeof row.feedExtras === "object" && !Array.isArray(row.feedExtras) ? row.feedExtras : {}) as Record<string, unknown>,
  };
}

export type ListingDetail = NonNullable<Awaited<ReturnType<typeof getListing>>>;
