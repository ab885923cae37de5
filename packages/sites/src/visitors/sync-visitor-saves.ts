import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { loadSearchContext } from "../listings/parse-search";
import { normalizeSavedSearch } from "./normalize-saved-search";
import { lockVisitorForSaves, VISITOR_SAVE_LIMITS, VisitorSaveLimitError } from "./visitor-limits";

export type SyncResult = {
  /** Listing keys newly saved by this sync. */
  addedListingKeys: string[];
  /** Listing keys ignored because the tenant has no such listing. */
  unknownListingKeys: string[];
  /** Searches newly saved by this sync. */
  addedSearches: number;
  /** Searches not saved because the search page would ignore some of their parameters (named). */
  invalidSearches: { name: string; fields: Record<string, string> }[];
};

/**
 * Merges what a visitor saved anonymously (in the browser) into the account: listing keys the
 * tenant has and searches not saved yet, normalised like saveSearch. Searches the page would not
 * understand are reported back rather than failing the sync (the browser may have kept them from
 * before the tenant's listings changed). Idempotent: a second identical sync adds nothing.
 * A sync that would take the visitor past a cap (VISITOR_SAVE_LIMITS) throws
 * VisitorSaveLimitError and writes nothing; what is kept already does not count against it again.
 */
export async function syncVisitorSaves(options: {
  tenantId: string;
  visitorId: string;
  listingKeys: string[];
  searches: { name: string; query: Record<string, string | undefined> }[];
  db?: Db;
}): Promise<SyncResult> {
  const db = options.db ?? getDb();
  const { tenantId, visitorId } = options;
  const keys = [...new Set(options.listingKeys)];
  const known = keys.length
    ? (await db.listing.findMany({ where: { tenantId, ListingKey: { in: keys } }, select: { ListingKey: true } })).map((l) => l.ListingKey)
    : [];
  const knownSet = new Set(known);
  const context = options.searches.length ? await loadSearchContext({ tenantId, db }) : null;
  const searches = new Map<string, { name: string; queryKey: string; query: Record<string, string> }>();
  const invalidSearches: SyncResult["invalidSearches"] = [];
  for (const s of options.searches) {
    const c = normalizeSavedSearch(s.query, context!);
    if (!c.ok) invalidSearches.push({ name: s.name, fields: c.fields });
    else if (!searches.has(c.queryKey)) searches.set(c.queryKey, { name: s.name, queryKey: c.queryKey, query: c.query });
  }
  return db.$transaction(async (tx) => {
    await lockVisitorForSaves(tx, tenantId, visitorId);
    if (known.length) {
      const [c] = await tx.$queryRaw<{ kept: number; fresh: number }[]>`
        SELECT (SELECT count(*) FROM "SavedListing" WHERE "tenantId" = ${tenantId}::uuid AND "visitorId" = ${visitorId}::uuid)::int AS kept,
               (SELECT count(*) FROM unnest(${known}::text[]) AS k WHERE NOT EXISTS (
                  SELECT 1 FROM "SavedListing" s WHERE s."tenantId" = ${tenantId}::uuid AND s."visitorId" = ${visitorId}::uuid AND s."listingKey" = k))::int AS fresh`;
      if (c!.fresh > 0 && c!.kept + c!.fresh > VISITOR_SAVE_LIMITS.savedHomes) throw new VisitorSaveLimitError("saved_listing_limit");
    }
    if (searches.size) {
      const queryKeys = [...searches.keys()];
      const [c] = await tx.$queryRaw<{ kept: number; fresh: number }[]>`
        SELECT (SELECT count(*) FROM "SavedSearch" WHERE "tenantId" = ${tenantId}::uuid AND "visitorId" = ${visitorId}::uuid)::int AS kept,
               (SELECT count(*) FROM unnest(${queryKeys}::text[]) AS q WHERE NOT EXISTS (
                  SELECT 1 FROM "SavedSearch" s WHERE s."tenantId" = ${tenantId}::uuid AND s."visitorId" = ${visitorId}::uuid AND s."queryKey" = q))::int AS fresh`;
      if (c!.fresh > 0 && c!.kept + c!.fresh > VISITOR_SAVE_LIMITS.savedSearches) throw new VisitorSaveLimitError("saved_search_limit");
    }
    const added = known.length
      ? await tx.$queryRaw<{ listingKey: string }[]>`
          INSERT INTO "SavedListing" ("tenantId", id, "visitorId", "listingKey")
          SELECT ${tenantId}::uuid, gen_random_uuid(), ${visitorId}::uuid, k FROM unnest(${known}::text[]) AS k
          ON CONFLICT ("tenantId", "visitorId", "listingKey") DO NOTHING
          RETURNING "listingKey"`
      : [];
    const addedSearches = searches.size
      ? await tx.savedSearch.createMany({
          data: [...searches.values()].map((s) => ({ tenantId, visitorId, name: s.name, queryKey: s.queryKey, query: s.query })),
          skipDuplicates: true,
        })
      : { count: 0 };
    return {
      addedListingKeys: added.map((a) => a.listingKey).sort(),
      unknownListingKeys: keys.filter((k) => !knownSet.has(k)),
      addedSearches: addedSearches.count,
      invalidSearches,
    };
  });
}
