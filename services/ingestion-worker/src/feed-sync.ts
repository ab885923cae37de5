// The "feed.sync" job kind (decision 0024): one replication run of an MLS feed, then the feed's
// next run queued. Listings that changed ask for the tenant's saved-search alerts, which live in
// @real-estate/mail (the feeds package does not import it).
import { continueFeedAfterDeadLetter, FEED_SYNC_KIND, runFeedSyncJob, type FeedClientOverrides } from "@real-estate/feeds";
import { requestSavedSearchAlerts } from "@real-estate/mail";
import type { JobKind } from "./job-kinds";

export { FEED_SYNC_KIND };

export function feedSyncKind(options: { owner?: string; client?: FeedClientOverrides } = {}): JobKind {
  return {
    // A run's own failures are the feed's business (recorded on the feed, backed off, paused after
    // five); what reaches the queue's retries is the database failing around it.
    retry: { attempts: 10, backoffMs: [10_000, 60_000, 300_000, 900_000, 3_600_000] },
    handle: async (ctx) => {
      const result = await runFeedSyncJob({
        db: ctx.db,
        tenantId: ctx.job.tenantId,
        payload: ctx.job.payload,
        now: ctx.now,
        owner: options.owner,
        client: options.client,
      });
      if (result.outcome === "ran" && (result.result.upserted > 0 || result.result.removed > 0)) {
        await requestSavedSearchAlerts(ctx.db, { tenantId: ctx.job.tenantId });
      }
      return result;
    },
    // A dead-lettered run would end the feed's chain of runs: it counts as a failed run and the
    // next one is queued.
    onDeadLettered: ({ db, job, error, now }) =>
      continueFeedAfterDeadLetter({ db, tenantId: job.tenantId, payload: job.payload, error, attempts: job.attempts, now }),
  };
}
