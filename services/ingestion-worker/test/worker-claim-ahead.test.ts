import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { systemClock } from "../src/clock";
import type { JobHandler } from "../src/run-job";
import { enqueue, testWorker, waitFor } from "./helpers";

const testDb = useTestDatabase("workerahead");

/** Jobs of the tenant leased to `workerId` now, other than `except`. */
async function leasedBesides(db: Db, tenantId: string, workerId: string, except: ReadonlySet<string>) {
  const jobs = await db.ingestionJob.findMany({ where: { tenantId, status: "PROCESSING", lockedBy: workerId }, select: { id: true } });
  return jobs.filter((j) => !except.has(String(j.id))).length;
}

describe("worker: the next claim sent ahead", () => {
  it("claims the next batch while the jobs of the one before are still being started, and runs every job once", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    for (let i = 0; i < 8; i++) await enqueue(db, t.tenantId, { email: `ahead${i}@example.com` });
    const started: string[] = [];
    let leasedAhead = -1;
    const handler: JobHandler = async (ctx) => {
      started.push(ctx.job.id);
      // The third job of the first claim (batch of 4, one slot): the next claim went out when two
      // of its jobs were left to start, so while the fourth waits for the slot, the next claim's 4
      // jobs are leased to this worker (before, a claim went out only once every job of the one
      // before had started).
      if (started.length === 3) {
        // Besides the three started and the fourth, unstarted: 5 leased.
        await waitFor(async () => (await leasedBesides(db, t.tenantId, worker.id, new Set(started))) === 5, 5_000).catch(() => undefined);
        leasedAhead = await leasedBesides(db, t.tenantId, worker.id, new Set(started));
      }
      return ctx.process();
    };
    const { worker } = testWorker(db, { clock: systemClock, concurrency: 1, batchSize: 4, handlers: { "*": handler } });
    const summary = await worker.drainOnce();
    expect(leasedAhead).toBe(5);
    expect(summary.processed).toBe(8);
    expect(new Set(started).size).toBe(8);
    expect(started).toHaveLength(8);
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId } });
    expect(jobs.every((j) => j.status === "COMPLETED" && j.attempts === 1)).toBe(true);
    expect(await db.activity.count({ where: { tenantId: t.tenantId } })).toBe(8);
  });

  it("on stop gives back the unstarted jobs of its claim and those of the claim sent ahead, with their attempt taken back", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    for (let i = 0; i < 8; i++) await enqueue(db, t.tenantId, { email: `aheadstop${i}@example.com` });
    const started: string[] = [];
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const handler: JobHandler = async (ctx) => {
      started.push(ctx.job.id);
      if (started.length === 3) await gate;
      return ctx.process();
    };
    const { worker, logger } = testWorker(db, { clock: systemClock, concurrency: 1, batchSize: 4, pollIntervalMs: 50, handlers: { "*": handler } });
    const running = worker.run();
    // The third job holds the only slot; the fourth waits for it, the claim sent ahead holds the other four.
    await waitFor(() => started.length === 3);
    await waitFor(async () => (await leasedBesides(db, t.tenantId, worker.id, new Set(started))) === 5);
    const stopped = worker.stop();
    await new Promise((r) => setTimeout(r, 100));
    finish();
    await stopped;
    await running;
    expect(started).toHaveLength(3);
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId } });
    expect(
      jobs
        .filter((j) => j.status === "COMPLETED")
        .map((j) => String(j.id))
        .sort(),
    ).toEqual([...started].sort());
    const released = jobs.filter((j) => j.status === "PENDING");
    expect(released).toHaveLength(5);
    for (const j of released) expect(j).toMatchObject({ attempts: 0, lockedBy: null, leaseExpiresAt: null });
    expect(logger.entries.filter((e) => e.msg === "released unstarted jobs").reduce((n, e) => n + Number(e.jobs), 0)).toBe(5);
    expect(await db.activity.count({ where: { tenantId: t.tenantId } })).toBe(3);
  });

  it("two workers claiming ahead at once run each job exactly once", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const n = 60;
    // Jobs an earlier test of this file gave back are due too (the workers claim every tenant's).
    const earlier = await db.ingestionJob.count({ where: { status: "PENDING" } });
    for (let i = 0; i < n; i++) await enqueue(db, t.tenantId, { email: `aheadpair${i}@example.com` });
    const runs = new Map<string, number>();
    const handler: JobHandler = async (ctx) => {
      if (ctx.job.tenantId === t.tenantId) runs.set(ctx.job.id, (runs.get(ctx.job.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
      return ctx.process();
    };
    const a = testWorker(db, { clock: systemClock, concurrency: 2, batchSize: 5, handlers: { "*": handler } });
    const b = testWorker(db, { clock: systemClock, concurrency: 2, batchSize: 5, handlers: { "*": handler } });
    const [sa, sb] = await Promise.all([a.worker.drainOnce(), b.worker.drainOnce()]);
    expect(sa.processed + sb.processed).toBe(n + earlier);
    // Both took part (each claims ahead while the other does), and no job ran twice.
    expect(sa.processed).toBeGreaterThan(0);
    expect(sb.processed).toBeGreaterThan(0);
    expect(runs.size).toBe(n);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId } });
    expect(jobs.filter((j) => j.status === "COMPLETED" && j.attempts === 1)).toHaveLength(n);
    expect(await db.activity.count({ where: { tenantId: t.tenantId } })).toBe(n);
  });
});
