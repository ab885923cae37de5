import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { internetDisplayWhere, listingDetailSelect, toListingCard } from "./listing-select";
import { toOpenHouse, upcomingOpenHousesSelect } from "./open-houses";

/** One listing of the tenant by its ListingKey; null when missing or another tenant's. */
export async function getListing(options: { tenantId: string; listingKey: string; db?: Db }) {
  const db = options.db ?? getDb();
  const row = await db.listing.findFirst({
    where: { tenantId: options.tenantId, ListingKey: options.listingKey, ...internetDisplayWhere },
    select: { ...listingDetailSelect, openHouses: upcomingOpenHousesSelect() },
  });
  if (!row) return null;
  const { openHouses, ...listing } = row;
  return {
    ...toListingCard(listing),
    ListingContractDate: row.ListingContractDate?.toISOString() ?? null,
    OnMarketDate: row.OnMarketDate?.toISOString() ?? null,
    /** Upcoming public open houses from the feed's OpenHouse resource, soonest first. */
    OpenHouses: openHouses.map(toOpenHouse),
    feedExtras: (row.feedExtras && typeof row.feedExtras === "object" && !Array.isArray(row.feedExtras) ? row.feedExtras : {}) as Record<string, unknown>,
  };
}

export type ListingDetail = NonNullable<Awaited<ReturnType<typeof getListing>>>;
