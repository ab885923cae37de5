import { getDb, type Db } from "@real-estate/db";
import type { FeedRunKind } from "../replication/sync-feed";
import { scheduleFeedSync } from "./feed-sync-job";

/**
 * An operator's "sync now" (incremental) or "full reconcile" (full): a "feed.sync" job is queued
 * for now in the same transaction, and a paused feed is resumed. False when the feed is not the
 * tenant's.
 */
export async function requestFeedRun(options: { tenantId: string; feedId: string; kind: FeedRunKind; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.feed.updateMany({
      where: { tenantId: options.tenantId, id: options.feedId },
      data: { requestedKind: options.kind, status: "active", consecutiveFailures: 0, nextRunAt: now },
    });
    if (count !== 1) return false;
    await scheduleFeedSync(tx, { tenantId: options.tenantId, feedId: options.feedId, runAt: now });
    return true;
  });
}

/** Stops scheduled runs of the feed until an operator asks for one. */
export async function pauseFeed(options: { tenantId: string; feedId: string; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const { count } = await db.feed.updateMany({ where: { tenantId: options.tenantId, id: options.feedId }, data: { status: "paused", requestedKind: null } });
  return count === 1;
}
