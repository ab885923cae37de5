import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import {
  claimJobs,
  completeJobs,
  enqueueWebsiteEvent,
  failJobs,
  getQueueStats,
  planJobFailure,
  pruneCompletedJobs,
  releaseLeases,
  retryDelayMs,
  RETRY_SCHEDULE_MS,
} from "../src";
import { PermanentIngestionError, TransientIngestionError } from "../src";
import { leadSubmitted } from "@real-estate/queue/testing";

const testDb = useTestDatabase("queueclaim");

async function enqueueMany(tenantId: string, n: number) {
  for (let i = 0; i < n; i++) await enqueueWebsiteEvent({ tenantId, event: leadSubmitted(tenantId, { email: `p${i}@example.com` }) });
}

/** Clears the queue between tests (the file shares one database). */
async function clearQueue() {
  await testDb().db.$executeRaw`DELETE FROM "IngestionJob"`;
}

/** A cleared queue with `n` jobs of a new tenant; `now` is a second ahead, when they are due. */
async function queued(n: number) {
  await clearQueue();
  const { db } = testDb();
  const t = await createTenantFixture(db);
  await enqueueMany(t.tenantId, n);
  return { db, t, now: new Date(Date.now() + 1000) };
}

/** queued(n), each job claimed by worker "w". */
async function claimed(n: number) {
  const q = await queued(n);
  return { ...q, jobs: await claimJobs({ workerId: "w", now: q.now, db: q.db }) };
}

describe("claimJobs", () => {
  it("hands each due job to exactly one of several concurrent workers, in batches", async () => {
    const { db, t, now } = await queued(30);
    const claims = await Promise.all(["w1", "w2", "w3", "w4"].map((workerId) => claimJobs({ workerId, limit: 10, now, db })));
    const ids = claims.flat().map((j) => j.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    for (const batch of claims) expect(batch.length).toBeLessThanOrEqual(10);
    const job = claims.flat()[0]!;
    expect(job).toMatchObject({ tenantId: t.tenantId, eventType: "lead.submitted", attempts: 1 });
    expect(await claimJobs({ workerId: "w5", limit: 10, now, db })).toHaveLength(0);
  });

  it("does not claim a job before nextAttemptAt", async () => {
    await clearQueue();
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await enqueueMany(t.tenantId, 1);
    expect(await claimJobs({ workerId: "w", now: new Date(Date.now() - 60_000), db })).toHaveLength(0);
    expect(await claimJobs({ workerId: "w", now: new Date(Date.now() + 1000), db })).toHaveLength(1);
  });

  it("reclaims a dead worker's job after its lease expires, not before", async () => {
    const { db, t, now: t0 } = await queued(1);
    const [job] = await claimJobs({ workerId: "dead", leaseMs: 30_000, now: t0, db });
    expect(job).toBeDefined();
    expect(await claimJobs({ workerId: "alive", now: new Date(t0.getTime() + 29_999), db })).toHaveLength(0);
    const [again] = await claimJobs({ workerId: "alive", leaseMs: 30_000, now: new Date(t0.getTime() + 30_000), db });
    expect(again).toMatchObject({ id: job!.id, attempts: 2, lockedBy: "alive" });
    // The dead worker's late completion does not touch a job that is no longer its own.
    expect(await completeJobs({ jobs: [job!], workerId: "dead", db })).toBe(0);
    expect(await completeJobs({ jobs: [again!], workerId: "alive", db })).toBe(1);
    const row = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId } });
    expect(row).toMatchObject({ status: "COMPLETED", lockedBy: null, leaseExpiresAt: null });
  });

  it("releases unstarted jobs back to PENDING and takes the counted attempt back", async () => {
    const { db, t, now, jobs } = await claimed(3);
    expect(await releaseLeases({ jobs, workerId: "w", now, db })).toBe(3);
    const rows = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId } });
    expect(rows.every((r) => r.status === "PENDING" && r.attempts === 0 && r.lockedBy === null)).toBe(true);
    expect(await claimJobs({ workerId: "w2", now, db })).toHaveLength(3);
  });
});

describe("failJobs and the retry policy", () => {
  it("schedules transient failures by the cadence with ±20 % jitter and dead-letters permanent ones at once", async () => {
    const { db, t, now, jobs } = await claimed(2);
    const [a, b] = jobs;
    const failures = [
      planJobFailure({ job: a!, error: new TransientIngestionError("database timeout"), now }),
      planJobFailure({ job: b!, error: new PermanentIngestionError("invalid payload: contact.email: Invalid email"), now }),
    ];
    const result = await failJobs({ failures, workerId: "w", now, db });
    expect(result.retried.map((r) => r.id)).toEqual([a!.id]);
    expect(result.deadLettered.map((r) => r.id)).toEqual([b!.id]);
    const retried = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId, id: BigInt(a!.id) } });
    const delay = retried.nextAttemptAt.getTime() - now.getTime();
    expect(delay).toBeGreaterThanOrEqual(RETRY_SCHEDULE_MS[0] * 0.8);
    expect(delay).toBeLessThanOrEqual(RETRY_SCHEDULE_MS[0] * 1.2);
    expect(retried).toMatchObject({ status: "PENDING", lastError: "database timeout", lastErrorClass: "transient" });
    expect(retried.lastErrorStack).toContain("TransientIngestionError");
    const dead = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId, id: BigInt(b!.id) } });
    expect(dead).toMatchObject({ status: "DEAD_LETTERED", attempts: 1, lastErrorClass: "permanent" });
    expect(dead.deadLetteredAt).toEqual(now);
  });

  it("follows 30 s, 2 min, 10 min, 1 h, 6 h and stays at 6 h", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => retryDelayMs(n, mid))).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, 21_600_000, 21_600_000]);
    expect(retryDelayMs(1, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, () => 0.999999)).toBeLessThanOrEqual(36_000);
  });

  it("dead-letters a transient failure on the last attempt", async () => {
    await clearQueue();
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await enqueueMany(t.tenantId, 1);
    await db.ingestionJob.updateMany({ where: { tenantId: t.tenantId }, data: { maxAttempts: 1 } });
    const now = new Date(Date.now() + 1000);
    const [job] = await claimJobs({ workerId: "w", now, db });
    const failure = planJobFailure({ job: job!, error: new Error("boom"), now });
    expect(failure.retryAt).toBeNull();
    expect((await failJobs({ failures: [failure], workerId: "w", now, db })).deadLettered).toHaveLength(1);
  });
});

describe("pruneCompletedJobs and getQueueStats", () => {
  it("deletes only completed jobs older than the retention and keeps the ledger", async () => {
    const { db, t, now, jobs } = await claimed(4);
    await completeJobs({ jobs: jobs.slice(0, 2), workerId: "w", now, db });
    await failJobs({ failures: [planJobFailure({ job: jobs[2]!, error: new PermanentIngestionError("bad"), now })], workerId: "w", now, db });
    await db.ingestedEvent.create({ data: { tenantId: t.tenantId, eventId: jobs[0]!.eventId, eventType: "lead.submitted" } });
    expect(await pruneCompletedJobs({ retentionMs: 3_600_000, now: new Date(now.getTime() + 3_599_000), db })).toBe(0);
    expect(await pruneCompletedJobs({ retentionMs: 3_600_000, now: new Date(now.getTime() + 3_601_000), batchSize: 1, db })).toBe(2);
    const left = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId }, select: { status: true } });
    expect(left.map((r) => r.status).sort()).toEqual(["DEAD_LETTERED", "PROCESSING"]);
    expect(await db.ingestedEvent.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });

  it("ends after the batch in which it was asked to stop, leaving the rest for the next round", async () => {
    const { db, t, now, jobs } = await claimed(3);
    await completeJobs({ jobs, workerId: "w", now, db });
    const later = new Date(now.getTime() + 3_601_000);
    let asked = 0;
    const stopAfterFirst = () => ++asked >= 1;
    expect(await pruneCompletedJobs({ retentionMs: 3_600_000, now: later, batchSize: 1, shouldStop: stopAfterFirst, db })).toBe(1);
    expect(asked).toBe(1);
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId, status: "COMPLETED" } })).toBe(2);
    // Not asked to stop: the next round deletes the rest, batch by batch.
    expect(await pruneCompletedJobs({ retentionMs: 3_600_000, now: later, batchSize: 1, shouldStop: () => false, db })).toBe(2);
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId } })).toBe(0);
  });

  it("refuses a batch size that would never end or never delete", async () => {
    const { db } = testDb();
    for (const batchSize of [0, -1, 2.5, Number.NaN]) await expect(pruneCompletedJobs({ batchSize, db })).rejects.toBeInstanceOf(RangeError);
  });

  it("counts jobs by tenant and status and reports the age of the oldest due job", async () => {
    await clearQueue();
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "stats-a" });
    const b = await createTenantFixture(db, { slug: "stats-b" });
    await enqueueMany(a.tenantId, 3);
    await enqueueMany(b.tenantId, 1);
    const first = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: a.tenantId }, orderBy: { nextAttemptAt: "asc" } });
    const now = new Date(first.nextAttemptAt.getTime() + 42_000);
    await claimJobs({ workerId: "w", limit: 1, now: new Date(first.nextAttemptAt.getTime()), db });
    const stats = await getQueueStats({ now, db });
    expect(stats.counts).toEqual([
      { tenantId: a.tenantId, tenantSlug: "stats-a", kind: "website-event", status: "PENDING", count: 2 },
      { tenantId: a.tenantId, tenantSlug: "stats-a", kind: "website-event", status: "PROCESSING", count: 1 },
      { tenantId: b.tenantId, tenantSlug: "stats-b", kind: "website-event", status: "PENDING", count: 1 },
    ]);
    expect(stats.oldestDueAgeSeconds).toBeGreaterThan(41);
    expect(stats.oldestDueAgeSeconds).toBeLessThan(43);
  });
});
