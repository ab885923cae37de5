import type { Db, DbTx } from "@real-estate/db";
import { listingCardSelect, toListingCard, internetDisplayWhere, type ListingCardData } from "../listings/listing-select";
import { parseSearch, type SearchContext } from "../listings/parse-search";
import { buildListingWhere } from "../listings/search-listings";

/** Why a listing is in an alert: new to the search, or its price or status changed since the last alert. */
export type SavedSearchChangeKind = "new" | "price" | "status";

export type SavedSearchChange = {
  listing: ListingCardData;
  change: SavedSearchChangeKind;
  previousPrice: number | null;
  previousStatus: string | null;
};

/** The most listings one check reads for a search (newest first); a search this wide is not an alert anyone reads. */
export const SAVED_SEARCH_MATCH_LIMIT = 1_000;

type Seen = { listingKey: string; listPrice: number; standardStatus: string };

/**
 * The listings a saved search should tell its visitor about now: those it matches that it has
 * not told of yet (new), those whose price or status differ from what it last told, and those it
 * told of that have since changed status and so left the search (an Active home gone Pending).
 * Reads only; `recordSavedSearchListings` marks them told, in the transaction that queues the
 * alert. `baseline` is true when the search has never been checked: nothing is news then.
 */
export async function findSavedSearchChanges(
  db: Db | DbTx,
  options: { tenantId: string; savedSearchId: string; query: Record<string, string>; context: SearchContext },
): Promise<{ baseline: boolean; changes: SavedSearchChange[]; matched: Seen[] }> {
  const { tenantId, savedSearchId } = options;
  const search = await db.savedSearch.findUnique({ where: { tenantId_id: { tenantId, id: savedSearchId } }, select: { alertBaselineAt: true } });
  if (!search) return { baseline: false, changes: [], matched: [] };
  const { filters } = parseSearch(options.query, options.context);
  const rows = await db.listing.findMany({
    where: buildListingWhere(tenantId, filters),
    select: listingCardSelect,
    orderBy: [{ ModificationTimestamp: "desc" }, { ListingKey: "asc" }],
    take: SAVED_SEARCH_MATCH_LIMIT,
  });
  const matched = rows.map((r) => ({ listingKey: r.ListingKey, listPrice: r.ListPrice, standardStatus: r.StandardStatus }));
  if (!search.alertBaselineAt) return { baseline: true, changes: [], matched };
  const seen = new Map(
    (await db.savedSearchListing.findMany({ where: { tenantId, savedSearchId }, select: { listingKey: true, listPrice: true, standardStatus: true } })).map(
      (s) => [s.listingKey, s],
    ),
  );
  const changes: SavedSearchChange[] = [];
  const matchedKeys = new Set<string>();
  for (const row of rows) {
    matchedKeys.add(row.ListingKey);
    const before = seen.get(row.ListingKey);
    const change: SavedSearchChangeKind | null = !before
      ? "new"
      : before.standardStatus !== row.StandardStatus
        ? "status"
        : before.listPrice !== row.ListPrice
          ? "price"
          : null;
    if (change)
      changes.push({
        listing: toListingCard(row) as ListingCardData,
        change,
        previousPrice: before?.listPrice ?? null,
        previousStatus: before?.standardStatus ?? null,
      });
  }
  const gone = [...seen.values()].filter((s) => !matchedKeys.has(s.listingKey));
  if (gone.length) {
    const left = await db.listing.findMany({
      where: { tenantId, ...internetDisplayWhere, ListingKey: { in: gone.map((g) => g.listingKey) } },
      select: listingCardSelect,
    });
    for (const row of left) {
      const before = seen.get(row.ListingKey)!;
      if (before.standardStatus === row.StandardStatus) continue;
      changes.push({
        listing: toListingCard(row) as ListingCardData,
        change: "status",
        previousPrice: before.listPrice,
        previousStatus: before.standardStatus,
      });
    }
  }
  return { baseline: false, changes, matched };
}
