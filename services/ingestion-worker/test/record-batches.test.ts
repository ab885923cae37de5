// Outcomes and DELIVERED records written in batches while other work runs (decision 0071): jobs
// and deliveries finishing one after another share statements instead of each taking the next
// write the moment the one before answered.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { pgPoolOf, type Db } from "@real-estate/db";
import { createWebhookEndpoint, queueWebhookEvents, type WebhookSettings } from "@real-estate/integrations";
import { RECORD_GATE_MAX_WAIT_MS } from "@real-estate/queue";
import type { WebhookSink } from "@real-estate/webhook-sink";
import { startTestWebhookSink, stopTestWebhookSink } from "./support/webhook-sink";
import { systemClock } from "../src/clock";
import { defaultJobKinds } from "../src/job-kinds";
import type { JobHandler } from "../src/run-job";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("recordbatch");
let sink: WebhookSink;
let settings: WebhookSettings;

beforeAll(async () => {
  ({ sink, settings } = await startTestWebhookSink(5_000));
});
afterAll(() => stopTestWebhookSink(sink));

/**
 * Writes a batched statement may take for outcomes arriving over `spanMs`: one each
 * RECORD_GATE_MAX_WAIT_MS while other work runs, one once none does, one more for a write that
 * was in flight when the span began.
 */
const writesFor = (spanMs: number) => Math.ceil(spanMs / RECORD_GATE_MAX_WAIT_MS) + 2;

/** Counts the named statements sent on the client's pool, and the rows of their first array parameter, while `run` runs. */
async function countingStatements<T>(db: Db, run: () => Promise<T>) {
  const pool = pgPoolOf(db)!;
  expect(pool).toBeTruthy();
  const counts = new Map<string, { statements: number; rows: number }>();
  const original = pool.query;
  pool.query = function (this: typeof pool, config: unknown, ...rest: unknown[]) {
    const c = config as { name?: string; values?: unknown[] } | null;
    if (c && typeof c === "object" && c.name) {
      const entry = counts.get(c.name) ?? { statements: 0, rows: 0 };
      entry.statements++;
      entry.rows += Array.isArray(c.values?.[0]) ? (c.values[0] as unknown[]).length : 1;
      counts.set(c.name, entry);
    }
    return (original as (...args: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof pool.query;
  try {
    const result = await run();
    return { result, counts };
  } finally {
    pool.query = original;
  }
}

describe("worker: outcomes recorded in batches while other jobs run", () => {
  it("jobs finishing a few milliseconds apart share their completion statements, and every job is completed", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const n = 30;
    for (let i = 0; i < n; i++) await enqueue(db, t.tenantId, { email: `gate${i}@example.com` });
    let started = 0;
    const finished: number[] = [];
    // All run at once; the k-th to start finishes 3k ms in: one outcome every 3 ms, each far
    // longer apart than a completion statement takes on an idle database.
    const handler: JobHandler = async () => {
      const k = started++;
      await new Promise((r) => setTimeout(r, 3 * k));
      finished.push(performance.now());
      return { outcome: "applied" };
    };
    const { worker } = testWorker(db, { clock: systemClock, concurrency: n, batchSize: n, handlers: { "*": handler } });
    const { result: summary, counts } = await countingStatements(db, () => worker.drainOnce());
    expect(summary.processed).toBe(n);
    const bound = writesFor(finished[n - 1]! - finished[0]!);
    const completions = counts.get("queue_complete_jobs")!;
    expect(completions.rows).toBe(n);
    // About 90 ms of outcomes: a write at most every 20 ms (RECORD_GATE_MAX_WAIT_MS) and the last
    // at once (no job left running). Before, a statement for every outcome or two (13 here).
    expect(completions.statements).toBeLessThanOrEqual(bound);
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId } });
    expect(jobs.filter((j) => j.status === "COMPLETED" && j.attempts === 1 && j.lockedBy === null)).toHaveLength(n);
    // Each job's completedAt is when it finished, not when its batch was written.
    const finishedAt = new Set(jobs.map((j) => j.completedAt!.getTime()));
    expect(finishedAt.size).toBeGreaterThan(completions.statements);
  });

  it("a lone job's outcome is written without waiting", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await enqueue(db, t.tenantId, { email: "gate-lone@example.com" });
    const handler: JobHandler = async () => ({ outcome: "applied" });
    const { worker } = testWorker(db, { clock: systemClock, concurrency: 4, batchSize: 4, pollIntervalMs: 60_000, handlers: { "*": handler } });
    const running = worker.run();
    try {
      // The worker is not asked to flush: the outcome goes because no other job runs.
      const until = Date.now() + 5_000;
      while (Date.now() < until && worker.summary().processed < 1) await new Promise((r) => setTimeout(r, 5));
      expect(worker.summary().processed).toBe(1);
    } finally {
      await worker.stop();
      await running;
    }
  });

  it("webhook deliveries answered one after another share their DELIVERED records and completions", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const n = 40;
    const created = await createWebhookEndpoint({
      db,
      tenantId: t.tenantId,
      input: { url: `${sink.url}/slow/4/record-batches`, events: ["contact.created"] },
      createdByUserId: null,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.fields));
    await queueWebhookEvents(db, {
      tenantId: t.tenantId,
      events: Array.from({ length: n }, () => ({ type: "contact.created" as const, data: { contact: { id: crypto.randomUUID() } } })),
    });
    sink.clear();
    // Two in flight, each answered after 4 ms: a success every 2-3 ms for about 100 ms.
    const { worker } = testWorker(db, { clock: systemClock, concurrency: 2, batchSize: 20, kinds: defaultJobKinds({ webhooks: settings }) });
    const { result: summary, counts } = await countingStatements(db, () => worker.drainOnce());
    expect(summary.processed).toBe(n);
    const received = sink.received();
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(n);
    // The answers' span: from the first request received to the last one answered.
    const bound = writesFor(received[n - 1]!.receivedAt.getTime() + 4 - received[0]!.receivedAt.getTime());
    const delivered = counts.get("webhook_deliveries_delivered")!;
    const completions = counts.get("queue_complete_jobs")!;
    expect(delivered.rows).toBe(n);
    expect(completions.rows).toBe(n);
    // About 100 ms of successes: a write of each at most every 20 ms, the last at once. Before, a
    // statement of each for every success or two (15 and 12 here).
    expect(delivered.statements).toBeLessThanOrEqual(bound);
    expect(completions.statements).toBeLessThanOrEqual(bound);
    const rows = await db.webhookDelivery.findMany({ where: { tenantId: t.tenantId } });
    expect(rows.filter((d) => d.status === "DELIVERED" && d.attempts === 1 && d.responseStatus === 200)).toHaveLength(n);
  });
});
