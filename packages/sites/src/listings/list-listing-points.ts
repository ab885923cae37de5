import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { buildListingWhere, type ListingFilters } from "./search-listings";

export type ListingPoint = { key: string; lat: number; lng: number; price: number; status: string };

/**
 * Positions of the listings matching the filters, for the search map (the map clusters them).
 * Listings whose address the MLS withholds have no position and are not placed.
 */
export async function listListingPoints(options: {
  tenantId: string;
  filters?: ListingFilters;
  limit?: number;
  db?: Db;
}): Promise<{ points: ListingPoint[]; truncated: boolean }> {
  const db = options.db ?? getDb();
  const limit = Math.min(Math.max(options.limit ?? 2_000, 1), 5_000);
  const where = {
    AND: [buildListingWhere(options.tenantId, options.filters ?? {}), { InternetAddressDisplayYN: true, Latitude: { not: null }, Longitude: { not: null } }],
  };
  const rows = await db.listing.findMany({
    where,
    select: { ListingKey: true, Latitude: true, Longitude: true, ListPrice: true, StandardStatus: true },
    orderBy: [{ ModificationTimestamp: "desc" }, { ListingKey: "asc" }],
    take: limit + 1,
  });
  return {
    points: rows.slice(0, limit).map((r) => ({ key: r.ListingKey, lat: r.Latitude!, lng: r.Longitude!, price: r.ListPrice, status: r.StandardStatus })),
    truncated: rows.length > limit,
  };
}
