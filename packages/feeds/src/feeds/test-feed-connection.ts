import { getDb, type Db } from "@real-estate/db";
import { FeedRequestError } from "../client/feed-errors";
import { openFeedClient } from "./open-feed-client";

export type FeedConnectionResult = { ok: true; sampleKeys: string[]; moreAvailable: boolean } | { ok: false; error: string };

/** Signs in and reads one page of keys: what the studio's "test connection" shows. */
export async function testFeedConnection(options: { tenantId: string; feedId: string; db?: Db }): Promise<FeedConnectionResult | null> {
  const client = await openFeedClient({ ...options, client: { maxAttempts: 1, timeoutMs: 10_000 } });
  if (!client) return null;
  const feed = await (options.db ?? getDb()).feed.findUnique({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } },
    select: { filter: true },
  });
  try {
    const page = await client.get("Property", { $select: "ListingKey", $top: "3", $filter: feed?.filter ?? undefined });
    return { ok: true, sampleKeys: page.value.map((r) => String(r.ListingKey)), moreAvailable: page.nextLink !== null };
  } catch (error) {
    return { ok: false, error: error instanceof FeedRequestError ? error.message : "the feed could not be reached" };
  }
}
