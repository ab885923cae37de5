import { describe, expect, it } from "vitest";
import pg from "pg";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { systemClock } from "../src/clock";
import type { JobHandler } from "../src/run-job";
import { enqueue, testWorker, waitFor } from "./helpers";

const testDb = useTestDatabase("workerlife");

describe("worker lifecycle", () => {
  it("on stop finishes in-flight jobs, releases the claimed ones it had not started, and resolves", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    for (let i = 0; i < 6; i++) await enqueue(db, t.tenantId, { email: `stop${i}@example.com` });
    let started = 0;
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const slow: JobHandler = async (ctx) => {
      started++;
      await gate;
      return ctx.process();
    };
    const { worker } = testWorker(db, { clock: systemClock, concurrency: 2, batchSize: 6, pollIntervalMs: 50, handlers: { "*": slow } });
    const running = worker.run();
    await waitFor(() => started === 2);
    const stopped = worker.stop();
    await new Promise((r) => setTimeout(r, 100));
    finish();
    await stopped;
    await running;
    expect(started).toBe(2);
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId } });
    expect(jobs.filter((j) => j.status === "COMPLETED")).toHaveLength(2);
    const released = jobs.filter((j) => j.status === "PENDING");
    expect(released).toHaveLength(4);
    for (const j of released) expect(j).toMatchObject({ attempts: 0, lockedBy: null, leaseExpiresAt: null });
    expect(await db.activity.count({ where: { tenantId: t.tenantId } })).toBe(2);
  });

  it("a stop asked before run ends the run at once, with the queue untouched", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await enqueue(db, t.tenantId, { email: "early-stop@example.com" });
    const { worker } = testWorker(db, { clock: systemClock, pollIntervalMs: 50 });
    await worker.stop();
    const ended = await Promise.race([worker.run().then(() => "ended"), new Promise((r) => setTimeout(() => r("still running"), 5_000))]);
    expect(ended).toBe("ended");
    expect(await db.ingestionJob.findMany({ where: { tenantId: t.tenantId }, select: { status: true, attempts: true } })).toEqual([
      { status: "PENDING", attempts: 0 },
    ]);
    // The stop was spent on that run: the worker can still drain when asked.
    await worker.drainOnce();
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId, status: "COMPLETED" } })).toBe(1);
  });

  it("a stop asked before drainOnce ends that drain, and is not left over for a later run", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await enqueue(db, t.tenantId, { email: "early-stop-once@example.com" });
    const { worker } = testWorker(db, { clock: systemClock, pollIntervalMs: 50 });
    await worker.stop();
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 0, deadLettered: 0 });
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId, status: "PENDING" } })).toBe(1);
    // The stop was taken by that drain: a run started now works until its own stop.
    const running = worker.run();
    await waitFor(async () => (await db.ingestionJob.count({ where: { tenantId: t.tenantId, status: "COMPLETED" } })) === 1, 10_000);
    await worker.stop();
    await running;
    expect(worker.summary().processed).toBe(1);
  });

  it("wakes on NOTIFY without polling, and keeps working after its database connections are cut", async () => {
    const { db, url } = testDb();
    const t = await createTenantFixture(db);
    const { worker, logger } = testWorker(db, { clock: systemClock, pollIntervalMs: 600_000, listenUrl: url });
    const running = worker.run();
    await waitFor(() => worker.listener()?.connections() === 1);
    await new Promise((r) => setTimeout(r, 200));

    const first = await enqueue(db, t.tenantId, { email: "notify1@example.com" });
    await waitFor(async () => (await db.activity.count({ where: { tenantId: t.tenantId, eventId: first.event.eventId } })) === 1, 10_000);

    // What a PostgreSQL restart does to the worker: every connection to its database drops.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    await admin.end();
    await waitFor(() => (worker.listener()?.connections() ?? 0) >= 2, 20_000);

    const second = await enqueue(db, t.tenantId, { email: "notify2@example.com" });
    await waitFor(async () => (await db.activity.count({ where: { tenantId: t.tenantId, eventId: second.event.eventId } })) === 1, 20_000);
    await worker.stop();
    await running;
    expect(worker.summary().processed).toBeGreaterThanOrEqual(2);
    expect(logger.entries.some((e) => e.msg === "listen connection lost" || e.msg === "listen connection failed")).toBe(true);
  });

  it("refuses a setting it could not run with when it is created, and runs at the least allowed values", async () => {
    const { db } = testDb();
    const refused: [name: string, value: number, least: number][] = [
      ["pruneBatchSize", 0, 1],
      ["pruneBatchSize", 2.5, 1],
      ["concurrency", 0, 1],
      ["batchSize", -1, 1],
      ["leaseMs", Number.NaN, 1],
      ["pollIntervalMs", 0, 1],
      ["pruneIntervalMs", -1, 0],
      ["rerouteIntervalMs", Number.POSITIVE_INFINITY, 0],
    ];
    for (const [name, value, least] of refused) {
      expect(() => testWorker(db, { [name]: value })).toThrow(
        new RangeError(`createWorker: ${name} must be a whole number of at least ${least}, got ${value}`),
      );
    }
    const t = await createTenantFixture(db);
    await enqueue(db, t.tenantId, { email: "least@example.com" });
    const least = { concurrency: 1, batchSize: 1, leaseMs: 1_000, pollIntervalMs: 1, pruneBatchSize: 1, pruneIntervalMs: 0, rerouteIntervalMs: 0 };
    const { worker } = testWorker(db, { ...least, clock: systemClock });
    expect(await worker.drainOnce()).toMatchObject({ processed: 1 });
  });
});
