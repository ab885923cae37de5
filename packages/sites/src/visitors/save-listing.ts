import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { lockVisitorForSaves, VISITOR_SAVE_LIMITS } from "./visitor-limits";

export type SaveListingResult =
  { ok: true; created: boolean } | { ok: false; error: "listing_not_found" } | { ok: false; error: "saved_listing_limit"; limit: number };

/**
 * Saves one of the tenant's listings for the visitor; saving it again changes nothing
 * (`created: false`). A listing key the tenant does not have answers `listing_not_found`. A
 * visitor keeps at most VISITOR_SAVE_LIMITS.savedHomes: a new one past it answers
 * `saved_listing_limit` and nothing is written (counted under the visitor's row lock).
 */
export async function saveListing(options: { tenantId: string; visitorId: string; listingKey: string; db?: Db }): Promise<SaveListingResult> {
  const db = options.db ?? getDb();
  const { tenantId, visitorId, listingKey } = options;
  const listing = await db.listing.findUnique({ where: { tenantId_ListingKey: { tenantId, ListingKey: listingKey } }, select: { id: true } });
  if (!listing) return { ok: false, error: "listing_not_found" };
  const limit = VISITOR_SAVE_LIMITS.savedHomes;
  return db.$transaction(async (tx): Promise<SaveListingResult> => {
    await lockVisitorForSaves(tx, tenantId, visitorId);
    const [kept] = await tx.$queryRaw<{ others: number; present: boolean }[]>`
      SELECT (count(*) FILTER (WHERE "listingKey" <> ${listingKey}))::int AS others, coalesce(bool_or("listingKey" = ${listingKey}), false) AS present
      FROM "SavedListing" WHERE "tenantId" = ${tenantId}::uuid AND "visitorId" = ${visitorId}::uuid`;
    if (kept!.present) return { ok: true, created: false };
    if (kept!.others >= limit) return { ok: false, error: "saved_listing_limit", limit };
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "SavedListing" ("tenantId", id, "visitorId", "listingKey")
      VALUES (${tenantId}::uuid, gen_random_uuid(), ${visitorId}::uuid, ${listingKey})
      ON CONFLICT ("tenantId", "visitorId", "listingKey") DO NOTHING
      RETURNING id`;
    return { ok: true, created: rows.length > 0 };
  });
}

/** Removes a saved listing; true when there was one. */
export async function removeSavedListing(options: { tenantId: string; visitorId: string; listingKey: string; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const r = await db.savedListing.deleteMany({ where: { tenantId: options.tenantId, visitorId: options.visitorId, listingKey: options.listingKey } });
  return r.count > 0;
}
