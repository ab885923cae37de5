// Deletions: the feed is asked for every key it has ($select=ListingKey, keyset-paged by key),
// and the feed's listings it no longer has are removed in one statement, each with a history
// row. Nothing is removed unless the whole key list was read.
import type { Db } from "@real-estate/db";
import { FeedRequestError } from "../client/feed-errors";
import type { ResoClient } from "../client/reso-client";
import { andFilters, quoteODataString } from "./odata-text";
import { removeFeedListingsNotIn } from "./write-listing-page";

/**
 * Keys asked for in one request. A keys-only page is a key a record, and servers commonly allow
 * it far larger than a page of whole records; one that refuses (400) is asked for fewer, one that
 * caps it sends a shorter page and the read goes on after its last key.
 */
export const KEY_PAGE = 10_000;
/** The fewest keys asked for after refusals: every server answered pages of this size before. */
export const KEY_PAGE_MIN = 1_000;

export async function readFeedKeys(options: { client: ResoClient; filter: string | null; keyPageSize?: number }): Promise<string[]> {
  const keys: string[] = [];
  let top = Math.max(KEY_PAGE_MIN, options.keyPageSize ?? KEY_PAGE);
  let after: string | null = null;
  for (;;) {
    let page;
    try {
      page = await options.client.get("Property", {
        $select: "ListingKey",
        $filter: andFilters(options.filter, after === null ? null : `ListingKey gt ${quoteODataString(after)}`) ?? undefined,
        $orderby: "ListingKey asc",
        $top: String(top),
      });
    } catch (error) {
      if (error instanceof FeedRequestError && error.options.status === 400 && top > KEY_PAGE_MIN) {
        top = Math.max(KEY_PAGE_MIN, Math.floor(top / 2));
        continue;
      }
      throw error;
    }
    const batch = page.value.map((r) => r.ListingKey).filter((k): k is string => typeof k === "string" && k.length > 0);
    keys.push(...batch);
    const last = batch.at(-1);
    // The list ends at a page that is empty, or short of what was asked with no nextLink and no
    // fuller than the smallest page any server sends: a server that caps a larger page without a
    // nextLink is read on (one more request at the end) rather than taken at its word, since a
    // list cut short would remove listings the feed still has.
    if (!last || (page.nextLink === null && page.value.length < Math.min(top, KEY_PAGE_MIN))) return keys;
    if (after !== null && last <= after) throw new FeedRequestError("reconcile: the feed does not order keys; stopped", { transient: false });
    after = last;
  }
}

export async function reconcileFeed(options: {
  tenantId: string;
  feedId: string;
  filter: string | null;
  client: ResoClient;
  db: Db;
  /** Keys asked for in one request (default KEY_PAGE). */
  keyPageSize?: number;
}): Promise<{ removed: number; feedKeys: number }> {
  const keys = await readFeedKeys(options);
  if (keys.length === 0) {
    const ours = await options.db.listing.count({ where: { tenantId: options.tenantId, feedId: options.feedId } });
    if (ours > 0) throw new FeedRequestError(`reconcile: the feed listed no keys while ${ours} listings came from it; nothing removed`, { transient: true });
  }
  const { removed } = await removeFeedListingsNotIn({ tenantId: options.tenantId, feedId: options.feedId, keep: keys, db: options.db });
  return { removed, feedKeys: keys.length };
}
