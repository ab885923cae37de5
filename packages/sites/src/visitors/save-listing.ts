import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type SaveListingResult = { ok: true; created: boolean } | { ok: false; error: "listing_not_found" };

/**
 * Saves one of the tenant's listings for the visitor; saving it again changes nothing
 * (`created: false`). A listing key the tenant does not have answers `listing_not_found`.
 */
export async function saveListing(options: { tenantId: string; visitorId: string; listingKey: string; db?: Db }): Promise<SaveListingResult> {
  const db = options.db ?? getDb();
  const { tenantId, visitorId, listingKey } = options;
  const listing = await db.listing.findUnique({ where: { tenantId_ListingKey: { tenantId, ListingKey: listingKey } }, select: { id: true } });
  if (!listing) return { ok: false, error: "listing_not_found" };
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "SavedListing" ("tenantId", id, "visitorId", "listingKey")
    VALUES (${tenantId}::uuid, gen_random_uuid(), ${visitorId}::uuid, ${listingKey})
    ON CONFLICT ("tenantId", "visitorId", "listingKey") DO NOTHING
    RETURNING id`;
  return { ok: true, created: rows.length > 0 };
}

/** Removes a saved listing; true when there was one. */
export async function removeSavedListing(options: { tenantId: string; visitorId: string; listingKey: string; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const r = await db.savedListing.deleteMany({ where: { tenantId: options.tenantId, visitorId: options.visitorId, listingKey: options.listingKey } });
  return r.count > 0;
}
