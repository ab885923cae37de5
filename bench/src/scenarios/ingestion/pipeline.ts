import { enqueueWebsiteEvent, enqueueWebsiteEvents } from "@real-estate/queue";
import type { Db } from "@real-estate/db";
import type { WebsiteEventInput } from "@real-estate/types";
import type pg from "pg";
import { httpRequest } from "../../lib/http";
import { tailLog, treeRssMb, type Started } from "../../lib/processes";
import { PORTS } from "../../lib/sizes";
import { perSecond, sleep, summarize, type LatencySummary } from "../../lib/stats";
import { startBenchWorker } from "../../lib/worker";

/** Pre-loads the backlog with the queue's bulk enqueue (per tenant, 1,000 a call); returns events/s. */
export async function enqueueBacklog(db: Db, events: WebsiteEventInput[]): Promise<number> {
  const started = performance.now();
  const byTenant = new Map<string, WebsiteEventInput[]>();
  for (const e of events) {
    const list = byTenant.get(e.tenantId) ?? [];
    list.push(e);
    byTenant.set(e.tenantId, list);
  }
  for (const [tenantId, list] of byTenant) {
    for (let i = 0; i < list.length; i += 1_000) await enqueueWebsiteEvents({ tenantId, events: list.slice(i, i + 1_000), db });
  }
  return perSecond(events.length, performance.now() - started);
}

/** Waits for the worker's /healthz to answer (it is up: database checked, metrics served). */
export async function waitWorkerUp(worker: Started, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (worker.child.exitCode !== null) throw new Error(`the worker exited (code ${worker.child.exitCode}):\n${tailLog(worker.logPath)}`);
    const up = await httpRequest({ port: PORTS.workerMetrics, host: "127.0.0.1", path: "/healthz", timeoutMs: 2_000 }).then(
      () => true,
      () => false,
    );
    if (up) return;
    if (performance.now() > deadline) throw new Error(`the worker's /healthz did not answer within ${timeoutMs / 1000} s:\n${tailLog(worker.logPath)}`);
    await sleep(200);
  }
}

/** The worker's resident memory when up and idle on an empty queue (the memory baseline). */
export async function idleWorkerRss(databaseUrl: string, concurrency: number): Promise<number> {
  const worker = startBenchWorker({ databaseUrl, concurrency });
  try {
    await waitWorkerUp(worker);
    await sleep(1_000);
    return treeRssMb(worker.pid);
  } finally {
    await worker.stop();
  }
}

type Progress = { completed: number; dead: number; lastError: string | null };

async function progress(pool: pg.Pool, prefix: string): Promise<Progress> {
  const r = await pool.query<{ completed: string; dead: string; last_error: string | null }>(
    `SELECT count(*) FILTER (WHERE status = 'COMPLETED') AS completed, count(*) FILTER (WHERE status = 'DEAD_LETTERED') AS dead,
            max("lastError") AS last_error
       FROM "IngestionJob" WHERE "eventId" LIKE $1`,
    [`${prefix}%`],
  );
  const row = r.rows[0]!;
  return { completed: Number(row.completed), dead: Number(row.dead), lastError: row.last_error };
}

/** Waits until every job whose eventId starts with `prefix` is completed; fails on a dead letter. */
export async function waitCompleted(pool: pg.Pool, prefix: string, expected: number, worker: Started, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const p = await progress(pool, prefix);
    if (p.dead > 0) throw new Error(`${p.dead} events dead-lettered (last error: ${p.lastError})`);
    if (p.completed >= expected) return;
    if (worker.child.exitCode !== null) throw new Error(`the worker exited (code ${worker.child.exitCode}):\n${tailLog(worker.logPath)}`);
    if (performance.now() > deadline) throw new Error(`only ${p.completed} of ${expected} events completed within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

/** Drain rate from the jobs' own timestamps: first claim to last completion. */
export async function drainRate(pool: pg.Pool, prefix: string): Promise<{ perSecond: number; seconds: number; count: number }> {
  const r = await pool.query<{ n: string; seconds: number }>(
    `SELECT count(*) AS n, EXTRACT(EPOCH FROM max("completedAt") - min("firstAttemptAt"))::float8 AS seconds
       FROM "IngestionJob" WHERE "eventId" LIKE $1 AND status = 'COMPLETED'`,
    [`${prefix}%`],
  );
  const count = Number(r.rows[0]!.n);
  const seconds = r.rows[0]!.seconds;
  return { perSecond: perSecond(count, seconds * 1000), seconds, count };
}

/**
 * Latency from enqueue to CRM record at a steady rate: each event is enqueued at its slot (not
 * awaited) and timed from the start of its enqueue call to its job's completedAt, which the
 * worker stamps after the CRM transaction committed.
 */
export async function pacedLatency(db: Db, pool: pg.Pool, events: WebsiteEventInput[], ratePerSec: number, worker: Started): Promise<LatencySummary> {
  const sentAt = new Map<string, number>();
  const interval = 1000 / ratePerSec;
  const started = performance.now();
  const inflight: Promise<unknown>[] = [];
  for (let k = 0; k < events.length; k++) {
    const wait = started + k * interval - performance.now();
    if (wait > 0) await sleep(wait);
    const event = events[k]!;
    sentAt.set(event.eventId, performance.timeOrigin + performance.now());
    // Handled at once, so a failed enqueue is reported rather than crashing the run.
    inflight.push(enqueueWebsiteEvent({ tenantId: event.tenantId, event, db }).catch((error: Error) => error));
  }
  const failed = (await Promise.all(inflight)).filter((r) => r instanceof Error) as Error[];
  if (failed.length) throw new Error(`${failed.length} of ${events.length} paced enqueues failed (first: ${failed[0]!.message})`);
  const prefix = events[0]!.eventId.replace(/-\d+$/, "-");
  await waitCompleted(pool, prefix, events.length, worker, 60_000);
  const r = await pool.query<{ eventId: string; done_ms: number }>(
    `SELECT "eventId", (EXTRACT(EPOCH FROM "completedAt") * 1000)::float8 AS done_ms FROM "IngestionJob" WHERE "eventId" LIKE $1`,
    [`${prefix}%`],
  );
  return summarize(r.rows.map((row) => row.done_ms - sentAt.get(row.eventId)!));
}
