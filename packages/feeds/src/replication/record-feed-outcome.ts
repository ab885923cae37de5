// What a run's end does to its feed: success schedules the next run at the feed's interval;
// failure backs off (1 min, doubling, at most 1 hour, never before Retry-After) and a feed
// that keeps failing, or fails in a way retrying cannot fix, is paused until an operator acts.
import type { Db } from "@real-estate/db";
import { FeedRequestError } from "../client/feed-errors";

/** Consecutive failed runs after which a feed is paused (default 5). */
export const FEED_PAUSE_AFTER_FAILURES = 5;

export function failureDelayMs(consecutiveFailures: number, retryAfterMs?: number): number {
  const backoff = Math.min(3_600_000, 60_000 * 2 ** Math.max(0, consecutiveFailures - 1));
  return Math.max(backoff, retryAfterMs ?? 0);
}

export async function recordFeedSuccess(options: { tenantId: string; feedId: string; reconciled: boolean; db: Db }) {
  const now = new Date();
  const feed = await options.db.feed.findUniqueOrThrow({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } },
    select: { syncIntervalSeconds: true },
  });
  await options.db.feed.update({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } },
    data: {
      status: "active",
      consecutiveFailures: 0,
      lastSuccessAt: now,
      nextRunAt: new Date(now.getTime() + feed.syncIntervalSeconds * 1000),
      ...(options.reconciled ? { lastReconcileAt: now, fullLoadStartedAt: null } : {}),
    },
  });
}

/** A message safe to store and show: feed errors are written without credentials; others are generic. */
export function describeFeedError(error: unknown): string {
  if (error instanceof FeedRequestError) return error.message.slice(0, 1000);
  if (error instanceof Error && (error.name === "FeedLeaseLostError" || error.name === "FeedRunDeadLetteredError")) return error.message;
  return `internal error (${error instanceof Error ? error.name : "unknown"}); see the worker log`;
}

export async function recordFeedFailure(options: {
  tenantId: string;
  feedId: string;
  error: unknown;
  db: Db;
  /** When the failure happened (default: now). */
  now?: Date;
}): Promise<{ paused: boolean; message: string }> {
  const now = options.now ?? new Date();
  const message = describeFeedError(options.error);
  const feed = await options.db.feed.findUniqueOrThrow({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } },
    select: { consecutiveFailures: true },
  });
  const failures = feed.consecutiveFailures + 1;
  const permanent = options.error instanceof FeedRequestError && !options.error.transient;
  const paused = permanent || failures >= FEED_PAUSE_AFTER_FAILURES;
  const retryAfterMs = options.error instanceof FeedRequestError ? options.error.options.retryAfterMs : undefined;
  await options.db.feed.update({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } },
    data: {
      status: paused ? "paused" : "failing",
      consecutiveFailures: failures,
      lastError: message,
      lastErrorAt: now,
      nextRunAt: new Date(now.getTime() + failureDelayMs(failures, retryAfterMs)),
    },
  });
  return { paused, message };
}
