import { describe, expect, it } from "vitest";
import type { Db } from "@real-estate/db";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { DEFAULT_COMPLETED_RETENTION_MS } from "@real-estate/queue";
import { enqueue, testWorker, waitFor } from "./helpers";

const testDb = useTestDatabase("workermaint");

const completedOf = (db: Db, tenantId: string) => db.ingestionJob.count({ where: { tenantId, status: "COMPLETED" } });

/** Moves a tenant's completed jobs back past the retention (as if they had finished long ago). */
async function ageCompleted(db: Db, tenantId: string, now: Date) {
  const longAgo = new Date(now.getTime() - DEFAULT_COMPLETED_RETENTION_MS - 3_600_000);
  await db.ingestionJob.updateMany({ where: { tenantId, status: "COMPLETED" }, data: { completedAt: longAgo } });
}

/** The same database, each pruning statement held back `ms` before it is sent; counts the statements begun. */
function slowPrunes(db: Db, ms: number) {
  let begun = 0;
  const slow = new Proxy(db, {
    get(target, key, receiver) {
      if (key !== "$executeRaw") return Reflect.get(target, key, receiver);
      return async (strings: TemplateStringsArray, ...values: unknown[]) => {
        if (strings.join("?").includes('DELETE FROM "IngestionJob"')) {
          begun += 1;
          await new Promise((r) => setTimeout(r, ms));
        }
        return target.$executeRaw(strings, ...values);
      };
    },
  });
  return { db: slow, begun: () => begun };
}

describe("the running worker's maintenance", () => {
  it("prunes completed jobs past their retention on its interval, keeps the rest and the ledger, and stops with the worker", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "maint-a" });
    const b = await createTenantFixture(db, { slug: "maint-b" });
    for (const tenantId of [a.tenantId, b.tenantId]) {
      await enqueue(db, tenantId, { firstName: "One", email: `one-${tenantId}@example.org` });
      await enqueue(db, tenantId, { firstName: "Two", email: `two-${tenantId}@example.org` });
    }
    const { worker, clock, logger } = testWorker(db, { pruneIntervalMs: 50, rerouteIntervalMs: 0, pollIntervalMs: 50 });
    await worker.drainOnce();
    expect(await completedOf(db, a.tenantId)).toBe(2);
    expect(await completedOf(db, b.tenantId)).toBe(2);
    await ageCompleted(db, a.tenantId, clock.now());

    const running = worker.run();
    try {
      await waitFor(async () => (await completedOf(db, a.tenantId)) === 0);
      // The other tenant's jobs are within their retention: kept, across a few more rounds.
      await new Promise((r) => setTimeout(r, 200));
      expect(await completedOf(db, b.tenantId)).toBe(2);
    } finally {
      await worker.stop();
      await running;
    }
    expect(logger.entries.some((e) => e.msg === "pruned completed jobs" && e.deleted === 2)).toBe(true);
    // The idempotency ledger outlives the jobs: a replayed event is still recognised.
    expect(await db.ingestedEvent.count({ where: { tenantId: a.tenantId } })).toBe(2);

    // A stopped worker prunes nothing more.
    await ageCompleted(db, b.tenantId, clock.now());
    await new Promise((r) => setTimeout(r, 300));
    expect(await completedOf(db, b.tenantId)).toBe(2);
  });

  it("ends run() only after a pruning round already under way has finished", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "maint-late" });
    await enqueue(db, t.tenantId, { firstName: "Late", email: "late@example.org" });
    const first = testWorker(db, { pruneIntervalMs: 0, rerouteIntervalMs: 0 });
    await first.worker.drainOnce();
    await ageCompleted(db, t.tenantId, first.clock.now());

    // The same database, with each pruning statement held back for a while before it is sent.
    const slow = slowPrunes(db, 400);
    const { worker, logger } = testWorker(slow.db, { pruneIntervalMs: 20, rerouteIntervalMs: 0, pollIntervalMs: 50 });
    const running = worker.run();
    await waitFor(() => slow.begun() > 0);
    await worker.stop();
    await running;
    // The round that had begun has deleted the job and said so by the time run() ended.
    expect(await completedOf(db, t.tenantId)).toBe(0);
    // (The count may include other tests' aged jobs: pruning is not per tenant.)
    expect(logger.entries.some((e) => e.msg === "pruned completed jobs" && Number(e.deleted) >= 1)).toBe(true);
    expect(slow.begun()).toBe(1);
  });

  it("ends a pruning round after its current batch when the worker stops", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "maint-batches" });
    for (const name of ["One", "Two", "Three"]) await enqueue(db, t.tenantId, { firstName: name, email: `${name.toLowerCase()}-batches@example.org` });
    const first = testWorker(db, { pruneIntervalMs: 0, rerouteIntervalMs: 0 });
    await first.worker.drainOnce();
    await ageCompleted(db, t.tenantId, first.clock.now());
    // Aged completed jobs in the whole database (earlier tests may leave some: pruning is not per tenant).
    const cutoff = new Date(first.clock.now().getTime() - DEFAULT_COMPLETED_RETENTION_MS);
    const aged = () => db.ingestionJob.count({ where: { status: "COMPLETED", completedAt: { lt: cutoff } } });
    const before = await aged();
    expect(before).toBeGreaterThanOrEqual(3);

    // One job per statement, each statement held back for a while, so a round has several batches to go.
    const slow = slowPrunes(db, 300);
    const { worker } = testWorker(slow.db, { pruneIntervalMs: 20, pruneBatchSize: 1, rerouteIntervalMs: 0, pollIntervalMs: 50 });
    const running = worker.run();
    await waitFor(() => slow.begun() > 0);
    await worker.stop();
    await running;
    // The batch under way finished; the round asked no further batch of the database.
    expect(slow.begun()).toBe(1);
    expect(await aged()).toBe(before - 1);
  });

  it("prunes nothing with its interval at 0", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "maint-off" });
    await enqueue(db, t.tenantId, { firstName: "Kept", email: "kept@example.org" });
    const { worker, clock } = testWorker(db, { pruneIntervalMs: 0, rerouteIntervalMs: 0, pollIntervalMs: 50 });
    await worker.drainOnce();
    await ageCompleted(db, t.tenantId, clock.now());
    const running = worker.run();
    try {
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await worker.stop();
      await running;
    }
    expect(await completedOf(db, t.tenantId)).toBe(1);
  });
});
