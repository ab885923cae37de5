// Jobs a kind holds back before they take a slot (JobKind.admit, decision 0115): kept without a slot
// and started as places free up, or given back to the queue without an attempt; each job still runs
// once, and a stop gives the kept ones back.
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { enqueueJobs } from "@real-estate/queue";
import type { Admission, JobKind } from "../src/job-kinds";
import { testWorker, waitFor } from "./helpers";

const testDb = useTestDatabase("worker_held");

/** A kind whose jobs share a resource named in their payload, at most `cap` of them at once. */
function sharedKind(cap: number, options: { keep: boolean; runMs: number }) {
  const inUse = new Map<string, number>();
  const most = new Map<string, number>();
  const runs = new Map<string, number>();
  let running = 0;
  let mostRunning = 0;
  let release: (() => void) | null = null;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const kind: JobKind = {
    admit: ({ job }): Admission => {
      const key = (job.payload as { key: string }).key;
      const n = inUse.get(key) ?? 0;
      if (n >= cap) return { start: false, retryInMs: 60_000, keep: options.keep, group: key };
      inUse.set(key, n + 1);
      most.set(key, Math.max(most.get(key) ?? 0, n + 1));
      let ended = false;
      return {
        start: true,
        end: () => {
          if (ended) return;
          ended = true;
          inUse.set(key, inUse.get(key)! - 1);
        },
      };
    },
    handle: async (ctx) => {
      runs.set(ctx.job.id, (runs.get(ctx.job.id) ?? 0) + 1);
      mostRunning = Math.max(mostRunning, ++running);
      if (options.runMs > 0) await new Promise((r) => setTimeout(r, options.runMs));
      else await gate;
      running--;
      return { outcome: "applied" };
    },
  };
  return { kind, inUse, most, runs, mostRunning: () => mostRunning, open: () => release!() };
}

async function queue(db: Parameters<typeof enqueueJobs>[0], tenantId: string, keys: string[]) {
  await enqueueJobs(db, { tenantId, jobs: keys.map((key, i) => ({ kind: "test.shared", payload: { key, i }, dedupeKey: `${key}-${i}` })) });
}

describe("jobs held back by their kind", () => {
  it("keeps held-back jobs without a slot and starts them as places free up: each runs once, no key over its cap, the other slots used", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "worker-held" });
    // The busy key's 40 jobs first, then 10 each of two others.
    await queue(db, t.tenantId, [...Array(40).fill("busy"), ...Array(10).fill("x"), ...Array(10).fill("y")]);
    const shared = sharedKind(2, { keep: true, runMs: 15 });
    const { worker } = testWorker(db, { kinds: { "test.shared": shared.kind }, concurrency: 8, batchSize: 50 });
    expect((await worker.drainOnce()).processed).toBe(60);
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId } });
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual(jobs.map(() => ["COMPLETED", 1]));
    expect([...shared.runs.values()].every((n) => n === 1)).toBe(true);
    expect(shared.runs.size).toBe(60);
    for (const key of ["busy", "x", "y"]) expect(shared.most.get(key)).toBe(2);
    // Every place was given back.
    expect([...shared.inUse.values()]).toEqual([0, 0, 0]);
    expect(shared.mostRunning()).toBeGreaterThanOrEqual(4);
    expect(shared.mostRunning()).toBeLessThanOrEqual(6);
  });

  it("gives held-back jobs back to the queue without an attempt, due when the kind said", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "worker-held-back" });
    await queue(db, t.tenantId, Array(5).fill("one"));
    const shared = sharedKind(1, { keep: false, runMs: 10 });
    const { worker, clock } = testWorker(db, { kinds: { "test.shared": shared.kind }, concurrency: 4, batchSize: 10 });
    const at = clock.now().getTime();
    expect((await worker.drainOnce()).processed).toBe(1);
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } });
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual([["COMPLETED", 1], ...Array(4).fill(["PENDING", 0])]);
    for (const j of jobs.slice(1)) {
      expect(j.lockedBy).toBeNull();
      expect(j.nextAttemptAt.getTime()).toBe(at + 60_000);
    }
    // Due: they run (one at a time, each given back again meanwhile).
    for (let round = 0; round < 4; round++) {
      clock.advance(60_001);
      expect((await worker.drainOnce()).processed).toBe(1);
    }
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId, status: "COMPLETED", attempts: 1 } })).toBe(5);
  });

  it("a stop gives the kept jobs back to the queue, their attempts taken back", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "worker-held-stop" });
    await queue(db, t.tenantId, Array(4).fill("one"));
    const shared = sharedKind(1, { keep: true, runMs: 0 });
    const { worker } = testWorker(db, { kinds: { "test.shared": shared.kind }, concurrency: 4, batchSize: 10, pollIntervalMs: 50 });
    const running = worker.run();
    await waitFor(() => shared.runs.size === 1);
    const stopped = worker.stop();
    shared.open();
    await stopped;
    await running;
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } });
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual([["COMPLETED", 1], ...Array(3).fill(["PENDING", 0])]);
    expect(shared.runs.size).toBe(1);
  });
});
