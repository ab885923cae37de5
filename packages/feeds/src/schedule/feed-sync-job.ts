// Feed runs as jobs of the durable queue (decision 0024): kind "feed.sync", one job per scheduled
// run of a feed, keyed by the feed and the instant the run is due, so scheduling the same run twice
// (the run before it, the worker's start-up check, an operator) queues it once. A job whose feed is
// not due (a run already moved `nextRunAt` on) does nothing but make sure the next run is queued;
// the feed's lease keeps two jobs of one feed from syncing at once.
import { z } from "zod";
import type { Db, DbTx } from "@real-estate/db";
import { enqueueJob, enqueueJobs, type EnqueueJobResult } from "@real-estate/queue";
import type { FeedClientOverrides } from "../feeds/open-feed-client";
import { FEED_LEASE_MS } from "../replication/feed-lease";
import { syncFeed, type FeedRunKind, type SyncFeedResult } from "../replication/sync-feed";

export const FEED_SYNC_KIND = "feed.sync";

export const ZFeedSyncPayload = z.object({ feedId: z.uuid() }).strict();

/** The job key of the feed's run due at `runAt`: one job per feed and instant. */
export function feedSyncKey(feedId: string, runAt: Date): string {
  return `${feedId}@${runAt.getTime()}`;
}

/** Queues the feed's run due at `runAt` (inside the caller's transaction when `db` is one). */
export function scheduleFeedSync(db: Db | DbTx, options: { tenantId: string; feedId: string; runAt: Date }): Promise<EnqueueJobResult> {
  return enqueueJob(db, {
    tenantId: options.tenantId,
    kind: FEED_SYNC_KIND,
    payload: { feedId: options.feedId },
    dedupeKey: feedSyncKey(options.feedId, options.runAt),
    runAt: options.runAt,
  });
}

export type FeedSyncJobResult =
  { outcome: "ran"; result: SyncFeedResult; next: Date | null } | { outcome: "skipped"; reason: "missing" | "paused" | "not-due" | "busy"; next: Date | null };

function runKind(requested: string | null): FeedRunKind {
  return requested === "full" || requested === "reconcile" ? requested : "incremental";
}

/**
 * The "feed.sync" job's work: runs the feed when it is due (or an operator asked), then queues
 * its next run at the `nextRunAt` the run recorded (its interval, or the failure backoff). A
 * paused feed gets no next run until an operator asks for one (requestFeedRun queues it).
 */
export async function runFeedSyncJob(options: {
  db: Db;
  tenantId: string;
  payload: unknown;
  now?: Date;
  owner?: string;
  client?: FeedClientOverrides;
}): Promise<FeedSyncJobResult> {
  const { db, tenantId } = options;
  const { feedId } = ZFeedSyncPayload.parse(options.payload);
  const now = options.now ?? new Date();
  const select = { status: true, nextRunAt: true, requestedKind: true, leaseExpiresAt: true } as const;
  const feed = await db.feed.findUnique({ where: { tenantId_id: { tenantId, id: feedId } }, select });
  if (!feed) return { outcome: "skipped", reason: "missing", next: null };
  if (feed.status === "paused" && !feed.requestedKind) return { outcome: "skipped", reason: "paused", next: null };
  if (!feed.requestedKind && feed.nextRunAt > now) {
    await scheduleFeedSync(db, { tenantId, feedId, runAt: feed.nextRunAt });
    return { outcome: "skipped", reason: "not-due", next: feed.nextRunAt };
  }
  const kind = runKind(feed.requestedKind);
  if (feed.requestedKind) {
    await db.feed.updateMany({ where: { tenantId, id: feedId, requestedKind: feed.requestedKind }, data: { requestedKind: null } });
  }
  const result = await syncFeed({ tenantId, feedId, kind, db, owner: options.owner, client: options.client });
  if (result.outcome === "busy") {
    // Another run holds the feed: it queues the next run when it ends; this job comes back when
    // that run's lease would have run out (a crashed run), keeping an operator's request.
    if (feed.requestedKind) await db.feed.updateMany({ where: { tenantId, id: feedId, requestedKind: null }, data: { requestedKind: feed.requestedKind } });
    const current = await db.feed.findUnique({ where: { tenantId_id: { tenantId, id: feedId } }, select });
    const at = current?.leaseExpiresAt ?? new Date(now.getTime() + FEED_LEASE_MS);
    await scheduleFeedSync(db, { tenantId, feedId, runAt: at });
    return { outcome: "skipped", reason: "busy", next: at };
  }
  if (result.outcome === "missing") return { outcome: "skipped", reason: "missing", next: null };
  const after = await db.feed.findUnique({ where: { tenantId_id: { tenantId, id: feedId } }, select });
  if (!after || (after.status === "paused" && !after.requestedKind)) return { outcome: "ran", result, next: null };
  const next = after.requestedKind ? new Date() : after.nextRunAt;
  await scheduleFeedSync(db, { tenantId, feedId, runAt: next });
  return { outcome: "ran", result, next };
}

/**
 * Queues the next run of every feed that should have one (active or failing, or asked for by an
 * operator) and has no job waiting or running: what the worker does when it starts, so feeds added
 * before the queue ran their syncs, or whose chain of runs was broken (a dead-lettered job whose
 * follow-up could not be written), are scheduled again. An overdue run is queued for now, under a
 * key of its own (the overdue instant's key may belong to the dead letter). Unscoped on purpose:
 * the worker serves every tenant. Returns the number of jobs created.
 */
export async function unsafeEnsureFeedSyncJobs(options: { db: Db; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const feeds = await options.db.feed.findMany({
    where: { OR: [{ status: { in: ["active", "failing"] } }, { requestedKind: { not: null } }] },
    select: { tenantId: true, id: true, nextRunAt: true, requestedKind: true },
  });
  const live = await options.db.ingestionJob.findMany({
    where: { kind: FEED_SYNC_KIND, status: { in: ["PENDING", "PROCESSING"] } },
    select: { tenantId: true, payload: true },
  });
  const scheduled = new Set(live.map((j) => `${j.tenantId}/${(j.payload as { feedId?: unknown } | null)?.feedId}`));
  const byTenant = new Map<string, { feedId: string; runAt: Date }[]>();
  for (const f of feeds) {
    if (scheduled.has(`${f.tenantId}/${f.id}`)) continue;
    const list = byTenant.get(f.tenantId) ?? [];
    list.push({ feedId: f.id, runAt: f.requestedKind || f.nextRunAt <= now ? now : f.nextRunAt });
    byTenant.set(f.tenantId, list);
  }
  let created = 0;
  for (const [tenantId, list] of byTenant) {
    const results = await enqueueJobs(options.db, {
      tenantId,
      jobs: list.map((f) => ({ kind: FEED_SYNC_KIND, payload: { feedId: f.feedId }, dedupeKey: feedSyncKey(f.feedId, f.runAt), runAt: f.runAt })),
    });
    created += results.filter((r) => r.created).length;
  }
  return created;
}
