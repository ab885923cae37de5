import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import type { ResoServer } from "@real-estate/demo/reso-server";
import { FEED_SYNC_KIND, feedSyncKey, requestFeedRun, pauseFeed, runFeedSyncJob, unsafeEnsureFeedSyncJobs } from "../src";
import { createFeedFixture, FAST_CLIENT, startTestResoServer } from "./support/feed-fixtures";

const testDb = useTestDatabase("feeds_sync_job");
let server: ResoServer;

beforeAll(async () => {
  server = await startTestResoServer({ count: 60 });
});
afterAll(async () => {
  await server.close();
});

const pendingJobs = (db: Db, tenantId: string) =>
  db.ingestionJob.findMany({ where: { tenantId, kind: FEED_SYNC_KIND, status: "PENDING" }, orderBy: { nextAttemptAt: "asc" } });

describe("feed.sync jobs", () => {
  it("queues a feed's first run with the feed, runs it, and queues the next at the feed's interval", async () => {
    const { db } = testDb();
    const { tenantId, feedId, feed } = await createFeedFixture(db, server, { input: { syncIntervalSeconds: 120 } });
    const [first, ...others] = await pendingJobs(db, tenantId);
    expect(others).toHaveLength(0);
    expect(first!.payload).toEqual({ feedId });
    expect(first!.eventId).toBe(feedSyncKey(feedId, feed.nextRunAt));

    const done = await runFeedSyncJob({ db, tenantId, payload: first!.payload, client: FAST_CLIENT });
    expect(done.outcome).toBe("ran");
    if (done.outcome !== "ran") throw new Error("not run");
    expect(done.result).toMatchObject({ outcome: "succeeded", upserted: 60 });
    expect(await db.listing.count({ where: { tenantId, feedId } })).toBe(60);
    const after = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } });
    expect(done.next).toEqual(after.nextRunAt);
    expect(after.nextRunAt.getTime() - Date.now()).toBeGreaterThan(100_000);
    const next = await db.ingestionJob.findMany({ where: { tenantId, kind: FEED_SYNC_KIND, eventId: feedSyncKey(feedId, after.nextRunAt) } });
    expect(next).toHaveLength(1);
    expect(next[0]!.nextAttemptAt).toEqual(after.nextRunAt);
  });

  it("does nothing for a run that is not due but make sure the next one is queued, once", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server, { input: { syncIntervalSeconds: 120 } });
    await runFeedSyncJob({ db, tenantId, payload: { feedId }, client: FAST_CLIENT });
    const runs = await db.feedRun.count({ where: { tenantId, feedId } });
    const jobs = await db.ingestionJob.count({ where: { tenantId, kind: FEED_SYNC_KIND } });
    const stale = await runFeedSyncJob({ db, tenantId, payload: { feedId }, client: FAST_CLIENT });
    expect(stale).toMatchObject({ outcome: "skipped", reason: "not-due" });
    expect(await db.feedRun.count({ where: { tenantId, feedId } })).toBe(runs);
    expect(await db.ingestionJob.count({ where: { tenantId, kind: FEED_SYNC_KIND } })).toBe(jobs);
  });

  it("runs one of two simultaneous jobs of a feed; the other comes back when the lease would end", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server);
    server.injectFault({ resource: "Property", delayMs: 800, times: 1 });
    const [a, b] = await Promise.all([
      runFeedSyncJob({ db, tenantId, payload: { feedId }, owner: "a", client: FAST_CLIENT }),
      runFeedSyncJob({ db, tenantId, payload: { feedId }, owner: "b", client: FAST_CLIENT }),
    ]);
    expect([a.outcome, b.outcome].sort()).toEqual(["ran", "skipped"]);
    const skipped = a.outcome === "skipped" ? a : b;
    expect(skipped).toMatchObject({ reason: "busy" });
    expect(skipped.next).toBeInstanceOf(Date);
    expect(await db.feedRun.count({ where: { tenantId, feedId } })).toBe(1);
    expect(await db.listing.count({ where: { tenantId, feedId } })).toBe(60);
  });

  it("queues nothing for a paused feed until an operator asks; the request is the tenant's own", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server);
    const other = await createFeedFixture(db, server);
    await pauseFeed({ tenantId, feedId, db });
    await db.ingestionJob.deleteMany({ where: { tenantId, kind: FEED_SYNC_KIND } });
    expect(await runFeedSyncJob({ db, tenantId, payload: { feedId }, client: FAST_CLIENT })).toMatchObject({
      outcome: "skipped",
      reason: "paused",
      next: null,
    });
    expect(await pendingJobs(db, tenantId)).toHaveLength(0);
    expect(await unsafeEnsureFeedSyncJobs({ db })).toBe(0);

    // Another tenant cannot ask for this feed's run: nothing changes, nothing is queued anywhere.
    expect(await requestFeedRun({ tenantId: other.tenantId, feedId, kind: "full", db })).toBe(false);
    expect(await pendingJobs(db, tenantId)).toHaveLength(0);
    expect(await db.ingestionJob.count({ where: { tenantId: other.tenantId, kind: FEED_SYNC_KIND } })).toBe(1);
    expect((await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } })).status).toBe("paused");

    expect(await requestFeedRun({ tenantId, feedId, kind: "full", db })).toBe(true);
    const [job] = await pendingJobs(db, tenantId);
    expect(job!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    const done = await runFeedSyncJob({ db, tenantId, payload: job!.payload, client: FAST_CLIENT });
    expect(done).toMatchObject({ outcome: "ran", result: { outcome: "succeeded" } });
    const run = await db.feedRun.findFirstOrThrow({ where: { tenantId, feedId } });
    expect(run.kind).toBe("full");
    expect((await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } })).status).toBe("active");
  });

  it("queues the missing next run of every active feed when the worker starts, once", async () => {
    const { db } = testDb();
    const a = await createFeedFixture(db, server);
    const b = await createFeedFixture(db, server);
    await db.ingestionJob.deleteMany({ where: { kind: FEED_SYNC_KIND } });
    expect(await unsafeEnsureFeedSyncJobs({ db })).toBeGreaterThanOrEqual(2);
    expect(await unsafeEnsureFeedSyncJobs({ db })).toBe(0);
    for (const f of [a, b]) {
      const jobs = await pendingJobs(db, f.tenantId);
      expect(jobs.map((j) => j.payload)).toEqual([{ feedId: f.feedId }]);
    }
  });

  it("rejects a payload that is not a feed id without touching anything", async () => {
    const { db } = testDb();
    const { tenantId } = await createFeedFixture(db, server);
    await expect(runFeedSyncJob({ db, tenantId, payload: { feedId: "x'; drop" } })).rejects.toThrow();
    expect(await db.feedRun.count({ where: { tenantId } })).toBe(0);
  });
});
