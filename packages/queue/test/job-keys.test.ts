import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { claimJobs, completeJobs, enqueueJob, enqueueJobs, enqueueWebsiteEvent, enqueueWebsiteEvents, pruneCompletedJobs, type EnqueueJobResult } from "../src";
import { leadSubmitted } from "@real-estate/queue/testing";

// The dedupe key in IngestionJobKey (decision 0075): one key row per kept job, written by the
// enqueue's statement, deleted with its job.
const testDb = useTestDatabase("jobkeys");

async function keysAndJobs(tenantId: string, kind: string, key: string) {
  const { db } = testDb();
  const keys = await db.ingestionJobKey.findMany({ where: { tenantId, kind, eventId: key } });
  const jobs = await db.ingestionJob.findMany({ where: { tenantId, kind, eventId: key }, select: { id: true } });
  return { keys: keys.map((k) => String(k.jobId)), jobs: jobs.map((j) => String(j.id)) };
}

describe("IngestionJobKey", () => {
  it("concurrent duplicate enqueues (single, bulk and website events, on several connections) leave one job and one key naming it", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const job = { kind: "feed.import", payload: { n: 1 }, dedupeKey: "race-1" };
    const results = await Promise.all([
      ...[1, 2, 3, 4].map(() => enqueueJob(db, { tenantId: t.tenantId, ...job })),
      ...[1, 2, 3].map(() => enqueueJobs(db, { tenantId: t.tenantId, jobs: [job, { ...job, dedupeKey: "race-2" }] }).then((r) => r[0]!)),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.jobId)).size).toBe(1);
    expect(await keysAndJobs(t.tenantId, "feed.import", "race-1")).toEqual({ keys: [results[0]!.jobId], jobs: [results[0]!.jobId] });
    expect((await keysAndJobs(t.tenantId, "feed.import", "race-2")).jobs).toHaveLength(1);

    const event = leadSubmitted(t.tenantId, { email: "race@example.test" });
    const events = await Promise.all([
      ...[1, 2, 3].map(() => enqueueWebsiteEvent({ tenantId: t.tenantId, event })),
      ...[1, 2, 3].map(() => enqueueWebsiteEvents({ tenantId: t.tenantId, events: [event] }).then((r) => r[0]!)),
    ]);
    expect(events.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(events.map((r) => r.jobId)).size).toBe(1);
    expect(await keysAndJobs(t.tenantId, "website-event", event.eventId)).toEqual({ keys: [events[0]!.jobId], jobs: [events[0]!.jobId] });
  });

  it("an enqueue of a key another transaction holds waits for it: that job when it commits, a job of its own when it rolls back", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    for (const outcome of ["commit", "rollback"] as const) {
      const key = `held-${outcome}`;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let enqueued!: (r: EnqueueJobResult) => void;
      const firstResult = new Promise<EnqueueJobResult>((resolve) => (enqueued = resolve));
      const first = db
        .$transaction(
          async (tx) => {
            enqueued(await enqueueJob(tx, { tenantId: t.tenantId, kind: "report.build", payload: { by: "first" }, dedupeKey: key }));
            await released;
            if (outcome === "rollback") throw new Error("rolled back");
          },
          { timeout: 30_000 },
        )
        .catch((e: Error) => e.message);
      const held = await firstResult;
      let settled = false;
      const second = enqueueJob(db, { tenantId: t.tenantId, kind: "report.build", payload: { by: "second" }, dedupeKey: key }).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false); // waiting on the first transaction's key
      release();
      await first;
      const answer = await second;
      const stored = await keysAndJobs(t.tenantId, "report.build", key);
      if (outcome === "commit") {
        expect(answer).toEqual({ jobId: held.jobId, key, created: false });
        expect(stored).toEqual({ keys: [held.jobId], jobs: [held.jobId] });
      } else {
        expect(answer.created).toBe(true);
        expect(answer.jobId).not.toBe(held.jobId);
        expect(stored).toEqual({ keys: [answer.jobId], jobs: [answer.jobId] });
        const job = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId, kind: "report.build", eventId: key } });
        expect(job.payload).toEqual({ by: "second" });
      }
    }
  });

  it("two tenants with the same key hold independent jobs and keys; pruning one tenant's completed job removes only its key", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    const inA = await enqueueJob(db, { tenantId: a.tenantId, kind: "feed.import", payload: {}, dedupeKey: "shared-key" });
    const inB = await enqueueJob(db, { tenantId: b.tenantId, kind: "feed.import", payload: {}, dedupeKey: "shared-key" });
    expect([inA.created, inB.created]).toEqual([true, true]);
    expect(inA.jobId).not.toBe(inB.jobId);
    const eventA = leadSubmitted(a.tenantId, { email: "same@example.test" }, { eventId: "same-event" });
    const eventB = leadSubmitted(b.tenantId, { email: "same@example.test" }, { eventId: "same-event" });
    expect((await enqueueWebsiteEvent({ tenantId: a.tenantId, event: eventA })).created).toBe(true);
    expect((await enqueueWebsiteEvent({ tenantId: b.tenantId, event: eventB })).created).toBe(true);

    // Complete tenant a's jobs only (claims are cross-tenant: b's are put back untouched by completing a's).
    const now = new Date(Date.now() + 1000);
    const claimed = await claimJobs({ workerId: "w", limit: 1000, now, db });
    await completeJobs({ jobs: claimed.filter((j) => j.tenantId === a.tenantId), workerId: "w", now, db });
    await db.ingestedEvent.create({ data: { tenantId: a.tenantId, eventId: "same-event", eventType: "lead.submitted" } });
    expect(await pruneCompletedJobs({ retentionMs: 0, now: new Date(now.getTime() + 1000), db })).toBeGreaterThanOrEqual(2);

    expect(await keysAndJobs(a.tenantId, "feed.import", "shared-key")).toEqual({ keys: [], jobs: [] });
    expect(await keysAndJobs(a.tenantId, "website-event", "same-event")).toEqual({ keys: [], jobs: [] });
    expect(await keysAndJobs(b.tenantId, "feed.import", "shared-key")).toEqual({ keys: [inB.jobId], jobs: [inB.jobId] });
    expect((await keysAndJobs(b.tenantId, "website-event", "same-event")).keys).toHaveLength(1);

    // Tenant b's keys still dedupe; tenant a's pruned job key is free again (the dedupe holds while
    // the job is kept), and its website event stays refused by the ledger.
    expect((await enqueueJob(db, { tenantId: b.tenantId, kind: "feed.import", payload: {}, dedupeKey: "shared-key" })).created).toBe(false);
    const again = await enqueueJob(db, { tenantId: a.tenantId, kind: "feed.import", payload: {}, dedupeKey: "shared-key" });
    expect(again.created).toBe(true);
    expect(await keysAndJobs(a.tenantId, "feed.import", "shared-key")).toEqual({ keys: [again.jobId], jobs: [again.jobId] });
    const replay = await enqueueWebsiteEvent({ tenantId: a.tenantId, event: eventA });
    expect(replay).toEqual({ jobId: null, eventId: "same-event", created: false });
    expect(await keysAndJobs(a.tenantId, "website-event", "same-event")).toEqual({ keys: [], jobs: [] });
  });

  it("keeps the key of a job that is not pruned (pending, dead-lettered or completed within the retention)", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const kept = await enqueueJob(db, { tenantId: t.tenantId, kind: "keep.me", payload: {}, dedupeKey: "k", runAt: new Date(Date.now() + 3_600_000) });
    await pruneCompletedJobs({ retentionMs: 0, db });
    expect(await keysAndJobs(t.tenantId, "keep.me", "k")).toEqual({ keys: [kept.jobId], jobs: [kept.jobId] });
    expect((await enqueueJob(db, { tenantId: t.tenantId, kind: "keep.me", payload: {}, dedupeKey: "k" })).created).toBe(false);
  });
});
