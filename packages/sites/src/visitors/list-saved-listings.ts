import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { getListingsByKeys } from "../listings/get-listings-by-keys";
import type { ListingCardData } from "../listings/listing-select";

/** The visitor's saved homes, newest first, with listing cards (a listing since removed is left out). */
export async function listSavedListings(options: { tenantId: string; visitorId: string; db?: Db }): Promise<{ savedAt: string; listing: ListingCardData }[]> {
  const db = options.db ?? getDb();
  const saved = await db.savedListing.findMany({
    where: { tenantId: options.tenantId, visitorId: options.visitorId },
    orderBy: [{ createdAt: "desc" }, { listingKey: "asc" }],
    select: { listingKey: true, createdAt: true },
    take: 500,
  });
  const cards = await getListingsByKeys({ tenantId: options.tenantId, listingKeys: saved.map((s) => s.listingKey), db });
  const byKey = new Map(cards.map((c) => [c.ListingKey, c]));
  return saved.flatMap((s) => {
    const listing = byKey.get(s.listingKey);
    return listing ? [{ savedAt: s.createdAt.toISOString(), listing }] : [];
  });
}

/** Just the keys of the visitor's saved homes (to mark cards as saved). */
export async function listSavedListingKeys(options: { tenantId: string; visitorId: string; db?: Db }): Promise<string[]> {
  const db = options.db ?? getDb();
  const rows = await db.savedListing.findMany({
    where: { tenantId: options.tenantId, visitorId: options.visitorId },
    select: { listingKey: true },
    take: 500,
  });
  return rows.map((r) => r.listingKey);
}
