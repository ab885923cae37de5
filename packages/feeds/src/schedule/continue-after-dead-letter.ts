// A "feed.sync" job that kept failing (the database failing around the run, not the MLS) ends
// dead-lettered, and with it the job that would have queued the feed's next run. The worker calls
// this when it dead-letters such a job, so the feed keeps syncing on schedule.
import type { Db } from "@real-estate/db";
import { recordFeedFailure } from "../replication/record-feed-outcome";
import { scheduleFeedSync, ZFeedSyncPayload } from "./feed-sync-job";

class FeedRunDeadLetteredError extends Error {
  override name = "FeedRunDeadLetteredError";
}

/**
 * Counts the dead-lettered run as a failed run of the feed (the failure backoff; paused after
 * FEED_PAUSE_AFTER_FAILURES, as for any failed run, so a feed that keeps failing is never retried in
 * a loop) and queues its next run at the feed's new `nextRunAt`. A later re-drive of the dead
 * letter meets this chain at that run's key (a job that finds its feed not due queues the next
 * run, which already exists) and starts no second one. Returns when the next run is due, or null
 * when none is queued (a payload that names no feed, a deleted or paused feed).
 */
export async function continueFeedAfterDeadLetter(options: {
  db: Db;
  tenantId: string;
  payload: unknown;
  /** What the queue recorded as the job's last error. */
  error: string;
  attempts: number;
  now?: Date;
}): Promise<Date | null> {
  const { db, tenantId } = options;
  const parsed = ZFeedSyncPayload.safeParse(options.payload);
  if (!parsed.success) return null;
  const { feedId } = parsed.data;
  const now = options.now ?? new Date();
  const exists = await db.feed.count({ where: { tenantId, id: feedId } });
  if (exists === 0) return null;
  const error = new FeedRunDeadLetteredError(`the run's job was dead-lettered after ${options.attempts} attempts (${options.error.slice(0, 300)})`);
  const { paused } = await recordFeedFailure({ tenantId, feedId, error, db, now });
  if (paused) return null;
  const feed = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } }, select: { nextRunAt: true } });
  await scheduleFeedSync(db, { tenantId, feedId, runAt: feed.nextRunAt });
  return feed.nextRunAt;
}
