// Deletions: the feed is asked for every key it has ($select=ListingKey, keyset-paged by key),
// and the feed's listings it no longer has are removed in one statement, each with a history
// row. Nothing is removed unless the whole key list was read.
import type { Db } from "@real-estate/db";
import { FeedRequestError } from "../client/feed-errors";
import type { ResoClient } from "../client/reso-client";
import { andFilters, quoteODataString } from "./odata-text";
import { removeFeedListingsNotIn } from "./write-listing-page";

const KEY_PAGE = 1000;

export async function readFeedKeys(options: { client: ResoClient; filter: string | null }): Promise<string[]> {
  const keys: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await options.client.get("Property", {
      $select: "ListingKey",
      $filter: andFilters(options.filter, after === null ? null : `ListingKey gt ${quoteODataString(after)}`) ?? undefined,
      $orderby: "ListingKey asc",
      $top: String(KEY_PAGE),
    });
    const batch = page.value.map((r) => r.ListingKey).filter((k): k is string => typeof k === "string" && k.length > 0);
    keys.push(...batch);
    const last = batch.at(-1);
    if (!last || (page.nextLink === null && page.value.length < KEY_PAGE)) return keys;
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
}): Promise<{ removed: number; feedKeys: number }> {
  const keys = await readFeedKeys(options);
  if (keys.length === 0) {
    const ours = await options.db.listing.count({ where: { tenantId: options.tenantId, feedId: options.feedId } });
    if (ours > 0) throw new FeedRequestError(`reconcile: the feed listed no keys while ${ours} listings came from it; nothing removed`, { transient: true });
  }
  const { removed } = await removeFeedListingsNotIn({ tenantId: options.tenantId, feedId: options.feedId, keep: keys, db: options.db });
  return { removed, feedKeys: keys.length };
}
