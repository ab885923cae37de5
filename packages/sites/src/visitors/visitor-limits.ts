import type { Db } from "@real-estate/db";

/**
 * How many saved searches and saved homes one visitor account keeps at most (decision 0092). A
 * demanding buyer keeps a few dozen searches and a few hundred homes; the caps bound what one
 * account can make the alerts (each search is checked for every feed change) and the account page
 * work for. The account page shows the newest 200 searches and 500 homes (listSavedSearches,
 * listSavedListings): at either cap, everything kept is on it and can be removed.
 */
export const VISITOR_SAVE_LIMITS = { savedSearches: 100, savedHomes: 500 } as const;

export type VisitorSaveLimitKind = "saved_search_limit" | "saved_listing_limit";

/** The visitor-facing sentence naming the cap. */
export function visitorSaveLimitMessage(kind: VisitorSaveLimitKind): string {
  return kind === "saved_search_limit"
    ? `You can keep up to ${VISITOR_SAVE_LIMITS.savedSearches} saved searches. Remove one to save another.`
    : `You can keep up to ${VISITOR_SAVE_LIMITS.savedHomes.toLocaleString("en-US")} saved homes. Remove one to save another.`;
}

/** A save refused because it would take the visitor past a cap; nothing was written. */
export class VisitorSaveLimitError extends Error {
  readonly limit: number;
  constructor(readonly kind: VisitorSaveLimitKind) {
    super(visitorSaveLimitMessage(kind));
    this.name = "VisitorSaveLimitError";
    this.limit = kind === "saved_search_limit" ? VISITOR_SAVE_LIMITS.savedSearches : VISITOR_SAVE_LIMITS.savedHomes;
  }
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Takes the visitor's row lock for the rest of the transaction: every save that counts against a
 * cap takes it first, so two saves at once count one after the other (READ COMMITTED: the second
 * counts after the first committed). False when there is no such visitor.
 */
export async function lockVisitorForSaves(tx: Tx, tenantId: string, visitorId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "Visitor" WHERE "tenantId" = ${tenantId}::uuid AND id = ${visitorId}::uuid FOR UPDATE`;
  return rows.length > 0;
}
