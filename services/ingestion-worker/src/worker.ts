import crypto from "node:crypto";
import os from "node:os";
import type { Db } from "@real-estate/db";
import { explainDatabaseError } from "@real-estate/db";
import { claimJobs, completedRetentionMs, pruneCompletedJobs, QUEUE_NOTIFY_CHANNEL, releaseLeases, type ClaimedJob } from "@real-estate/db/queue";
import { systemClock, type Clock } from "./clock";
import { createCompletionBatcher } from "./completion-batcher";
import { createJsonLogger, type Logger } from "./logger";
import type { WorkerMetrics } from "./metrics";
import { backoffDelay, createNotifyListener, type NotifyListener } from "./notify-listener";
import { createOutcomeReporter, type DrainSummary } from "./outcome-reporter";
import { runJob, type JobHandlers } from "./run-job";
import { createSlots } from "./slots";
import { createWakeSignal } from "./wake-signal";

export type WorkerOptions = {
  db: Db;
  /** Jobs processed at the same time (default 8). Keep the db pool at least this large. */
  concurrency?: number;
  /** Jobs claimed per statement (default 50). */
  batchSize?: number;
  /** Lease per claimed job; after it, another worker may reclaim the job (default 300,000 ms). */
  leaseMs?: number;
  /** How often an idle worker looks for due jobs without a notification (default 1,000 ms). */
  pollIntervalMs?: number;
  /** Time source for claims, leases and retry schedules (default: system clock). */
  clock?: Clock;
  /** Per-event-type handlers (default: the standard CRM processing). */
  handlers?: JobHandlers;
  /** Structured logger (default: JSON lines on stdout/stderr). */
  logger?: Logger;
  /** Stored in lockedBy (default: host:pid:random). */
  workerId?: string;
  /** Connection string for LISTEN on QUEUE_NOTIFY_CHANNEL; null polls only (default: null). */
  listenUrl?: string | null;
  metrics?: WorkerMetrics;
  /** Jitter source for retry delays (default Math.random). */
  random?: () => number;
  /** Completed-job pruning interval in continuous mode; 0 disables (default 600,000 ms). */
  pruneIntervalMs?: number;
};

export type { DrainSummary } from "./outcome-reporter";

export type Worker = {
  readonly id: string;
  /** Processes jobs until stop(); sleeps on LISTEN/poll when idle, backs off while the database is away. */
  run(): Promise<void>;
  /** Processes every job due now (including retries that fall due meanwhile) and resolves with the totals. */
  drainOnce(): Promise<DrainSummary>;
  /** Graceful stop: claim nothing more, finish in-flight jobs, release unstarted ones, record outcomes. */
  stop(): Promise<void>;
  /** Totals since the worker was created. */
  summary(): DrainSummary;
  /** Wakes an idle worker (what a notification does). */
  wake(): void;
  /** The LISTEN connection, when listenUrl was given. */
  listener(): NotifyListener | null;
};

/** Creates a queue worker; nothing runs until run() or drainOnce(). */
export function createWorker(options: WorkerOptions): Worker {
  const { db } = options;
  const id = options.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createJsonLogger();
  const concurrency = options.concurrency ?? 8;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 300_000;
  const metrics = options.metrics;
  const reporter = createOutcomeReporter({ logger, metrics });
  const slots = createSlots(concurrency);
  const batcher = createCompletionBatcher({ db, workerId: id, clock, logger, onFlushed: reporter.recorded });
  const signal = createWakeSignal();
  let stopping = false;
  let loopDone: Promise<void> | null = null;
  let listener: NotifyListener | null = null;

  function start(job: ClaimedJob) {
    metrics?.inFlight.inc();
    void runJob({ job, db, clock, handlers: options.handlers, random: options.random })
      .then((outcome) => {
        batcher.add(outcome);
        reporter.finished(outcome);
      })
      .catch((error: unknown) => logger.error({ msg: "job bookkeeping failed", jobId: job.id, reason: String((error as Error)?.message ?? error) }))
      .finally(() => slots.release());
  }

  /** Starts claimed jobs as slots free up; on stop, gives back the ones not started. */
  async function dispatch(jobs: ClaimedJob[]) {
    for (let i = 0; i < jobs.length; i++) {
      await slots.acquire();
      if (stopping) {
        slots.release();
        const unstarted = jobs.slice(i);
        const released = await releaseLeases({ db, workerId: id, jobs: unstarted, now: clock.now() }).catch(() => 0);
        logger.info({ msg: "released unstarted jobs", jobs: released });
        return;
      }
      start(jobs[i]!);
    }
  }

  async function loop(mode: "continuous" | "once") {
    let failures = 0;
    let emptyClaims = 0;
    while (!stopping) {
      let jobs: ClaimedJob[];
      signal.reset();
      try {
        jobs = await claimJobs({ db, workerId: id, limit: batchSize, leaseMs, now: clock.now() });
        if (failures > 0) logger.info({ msg: "database reachable again", failures });
        failures = 0;
      } catch (error) {
        const delay = backoffDelay(failures++, 30_000, options.random);
        logger.warn({ msg: "claiming jobs failed", reason: explainDatabaseError(error), retryInMs: delay });
        await signal.wait(delay);
        continue;
      }
      if (jobs.length > 0) {
        emptyClaims = 0;
        await dispatch(jobs);
        continue;
      }
      await slots.idle();
      await batcher.flush();
      if (mode === "once") {
        // Nothing due when last looked; the jobs that were running have finished since, and a
        // second look settles whether anything (e.g. a released job) became due meanwhile.
        if (++emptyClaims >= 2) return;
        continue;
      }
      await signal.wait(options.pollIntervalMs ?? 1_000);
    }
  }

  function startLoop(mode: "continuous" | "once") {
    if (loopDone) throw new Error("worker is already running");
    stopping = false;
    loopDone = loop(mode).finally(async () => {
      await slots.idle();
      await batcher.flush();
      loopDone = null;
    });
    return loopDone;
  }

  async function run() {
    if (options.listenUrl) {
      listener = createNotifyListener({ connectionString: options.listenUrl, channel: QUEUE_NOTIFY_CHANNEL, logger, onNotify: signal.wake });
    }
    const pruneEvery = options.pruneIntervalMs ?? 600_000;
    const pruneTimer = pruneEvery > 0 ? setInterval(() => void prune(), pruneEvery) : null;
    logger.info({ msg: "worker started", workerId: id, concurrency, batchSize, leaseMs, listen: Boolean(options.listenUrl) });
    try {
      await startLoop("continuous");
    } finally {
      if (pruneTimer) clearInterval(pruneTimer);
      await listener?.close();
      logger.info({ msg: "worker stopped", workerId: id, ...reporter.summary() });
    }
  }

  async function prune() {
    try {
      const deleted = await pruneCompletedJobs({ db, now: clock.now(), retentionMs: completedRetentionMs() });
      if (deleted > 0) logger.info({ msg: "pruned completed jobs", deleted });
    } catch (error) {
      logger.warn({ msg: "pruning completed jobs failed", reason: explainDatabaseError(error) });
    }
  }

  return {
    id,
    run,
    drainOnce: async () => {
      const before = reporter.summary();
      await startLoop("once");
      const after = reporter.summary();
      return { processed: after.processed - before.processed, retried: after.retried - before.retried, deadLettered: after.deadLettered - before.deadLettered };
    },
    stop: async () => {
      stopping = true;
      signal.wake();
      await loopDone;
    },
    summary: reporter.summary,
    wake: signal.wake,
    listener: () => listener,
  };
}
