import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { canonicalSearchQuery } from "./visitor-contracts";

export type TSyncResult = {
  /** Listing keys newly saved by this sync. */
  addedListingKeys: string[];
  /** Listing keys ignored because the tenant has no such listing. */
  unknownListingKeys: string[];
  /** Searches newly saved by this sync. */
  addedSearches: number;
};

/**
 * Merges what a visitor saved anonymously (in the browser) into the account: listing keys the
 * tenant has and searches not saved yet. Idempotent: a second identical sync adds nothing.
 */
export async function syncVisitorSaves(options: {
  tenantId: string;
  visitorId: string;
  listingKeys: string[];
  searches: { name: string; query: Record<string, string | undefined> }[];
  db?: Db;
}): Promise<TSyncResult> {
  const db = options.db ?? getDb();
  const { tenantId, visitorId } = options;
  const keys = [...new Set(options.listingKeys)];
  const known = keys.length
    ? (await db.listing.findMany({ where: { tenantId, ListingKey: { in: keys } }, select: { ListingKey: true } })).map((l) => l.ListingKey)
    : [];
  const knownSet = new Set(known);
  const searches = new Map(options.searches.map((s) => {
    const c = canonicalSearchQuery(s.query);
    return [c.queryKey, { name: s.name, ...c }] as const;
  }));
  return db.$transaction(async (tx) => {
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
    };
  });
}
