import crypto from "node:crypto";
import os from "node:os";
import type { Db } from "@real-estate/db";
import { explainDatabaseError } from "@real-estate/db";
import { claimJobs, QUEUE_NOTIFY_CHANNEL, releaseLeases, type ClaimedJob } from "@real-estate/queue";
import { systemClock, type Clock } from "./clock";
import { createCompletionBatcher, type FlushedBatch } from "./completion-batcher";
import { createJsonLogger, type Logger } from "@real-estate/http/logging";
import type { WorkerMetrics } from "./metrics";
import { backoffDelay, createNotifyListener, type NotifyListener } from "./notify-listener";
import { createOutcomeReporter, type DrainSummary } from "./outcome-reporter";
import { defaultJobKinds, type JobKindRegistry } from "./job-kinds";
import { startMaintenance } from "./maintenance";
import { createRunState } from "./run-state";
import { readAhead } from "./read-ahead";
import { runJob, type JobHandlers } from "./run-job";
import { createSlots } from "./slots";
import { createWakeSignal } from "./wake-signal";
import { checkWorkerOptions } from "./worker-options";

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
  /** Job kinds this worker runs, each with its handler and retry policy (default: defaultJobKinds()). */
  kinds?: JobKindRegistry;
  /**
   * Handler overrides by kind or event type for the kinds the worker claims, or "*" to claim and
   * run every kind (tests, benchmarks); the kind's retry policy still applies.
   */
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
  /** Completed jobs deleted per pruning statement (default 5,000); a stop ends a round after its current batch. */
  pruneBatchSize?: number;
  /** How often continuous mode re-routes leads nobody contacted in time; 0 disables (default 30,000 ms). */
  rerouteIntervalMs?: number;
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
  checkWorkerOptions(options);
  const { db } = options;
  const id = options.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createJsonLogger();
  const concurrency = options.concurrency ?? 8;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 300_000;
  const metrics = options.metrics;
  const kinds = options.kinds ?? defaultJobKinds();
  // The kinds this worker claims: those in its registry (a "*" handler override runs any kind).
  const claimKinds = options.handlers?.["*"] ? null : Object.keys(kinds);
  const reporter = createOutcomeReporter({ logger, metrics });
  const slots = createSlots(concurrency);
  const batcher = createCompletionBatcher({
    db,
    workerId: id,
    clock,
    logger,
    // Outcomes wait for more while jobs are running (decision 0071).
    running: () => running.size,
    onFlushed: async (batch) => {
      reporter.recorded(batch);
      await followDeadLetters(batch);
    },
  });
  const signal = createWakeSignal();
  const state = createRunState();
  let listener: NotifyListener | null = null;

  /** Runs the kind's follow-up of each job the queue has just recorded as dead-lettered. */
  async function followDeadLetters(batch: FlushedBatch) {
    const dead = new Set(batch.failed.deadLettered.map((r) => `${r.tenantId}/${r.id}`));
    for (const o of batch.failedOutcomes) {
      const follow = kinds[o.job.kind]?.onDeadLettered;
      if (o.kind !== "failed" || !follow || !dead.has(`${o.job.tenantId}/${o.job.id}`)) continue;
      try {
        await follow({ db, job: o.job, error: o.failure.error, now: clock.now() });
      } catch (error) {
        logger.error({ msg: "dead-letter follow-up failed", jobId: o.job.id, kind: o.job.kind, reason: explainDatabaseError(error) });
      }
    }
  }

  /** Jobs started and not yet settled (a job that gave back its slot early is still here). */
  const running = new Set<Promise<void>>();

  function start(job: ClaimedJob) {
    metrics?.inFlight.inc();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      slots.release();
    };
    const done: Promise<void> = runJob({ job, db, clock, kinds, handlers: options.handlers, random: options.random, onRelease: release })
      .then((outcome) => {
        batcher.add(outcome);
        reporter.finished(outcome);
      })
      .catch((error: unknown) => logger.error({ msg: "job bookkeeping failed", jobId: job.id, reason: String((error as Error)?.message ?? error) }))
      .finally(() => {
        running.delete(done);
        release();
      });
    running.add(done);
  }

  /** Resolves when no job holds a slot and every started job has settled. */
  async function jobsIdle() {
    await slots.idle();
    while (running.size > 0) await Promise.all([...running]);
  }

  /** Gives claimed jobs that were never started back to the queue (a stop). */
  async function giveBack(jobs: ClaimedJob[]) {
    if (jobs.length === 0) return;
    const released = await releaseLeases({ db, workerId: id, jobs, now: clock.now() }).catch(() => 0);
    logger.info({ msg: "released unstarted jobs", jobs: released });
  }

  /**
   * Starts claimed jobs as slots free up; on stop, gives back the ones not started. Once no more
   * than `aheadAt` of them are left to start, `claimNext` is called (once): the next claim is sent
   * while these jobs are still being started and run.
   */
  async function dispatch(jobs: ClaimedJob[], aheadAt: number, claimNext: () => void) {
    for (let i = 0; i < jobs.length; i++) {
      if (jobs.length - i <= aheadAt) claimNext();
      await slots.acquire();
      if (state.stopping()) {
        slots.release();
        await giveBack(jobs.slice(i));
        return;
      }
      start(jobs[i]!);
    }
  }

  /**
   * One claim, and the read-ahead of its jobs as soon as it answers. A claim sent ahead (while the
   * jobs of the one before are still being started) answers before its jobs can start; their kinds
   * read what they need meanwhile, in the order the jobs will start.
   */
  async function claim(): Promise<ClaimedJob[]> {
    signal.reset();
    const jobs = await claimJobs({ db, workerId: id, limit: batchSize, leaseMs, now: clock.now(), kinds: claimKinds });
    if (jobs.length > 0 && !state.stopping()) readAhead({ db, kinds, handlers: options.handlers, logger, jobs });
    return jobs;
  }

  async function loop(mode: "continuous" | "once") {
    let failures = 0;
    let emptyClaims = 0;
    // The next claim, when sent ahead while a claim's jobs were being started.
    let ahead: Promise<ClaimedJob[]> | null = null;
    const claimAhead = () => {
      if (ahead || state.stopping()) return;
      ahead = claim();
      // Its failure is handled where it is awaited (the next turn of the loop).
      ahead.catch(() => undefined);
    };
    try {
      while (!state.stopping()) {
        let jobs: ClaimedJob[];
        try {
          const pending = ahead;
          ahead = null;
          jobs = await (pending ?? claim());
          if (failures > 0) logger.info({ msg: "database reachable again", failures });
          failures = 0;
        } catch (error) {
          const delay = backoffDelay(failures++, 30_000, options.random);
          logger.warn({ msg: "claiming jobs failed", reason: explainDatabaseError(error), retryInMs: delay });
          await signal.wait(delay);
          continue;
        }
        if (state.stopping()) {
          await giveBack(jobs);
          break;
        }
        if (jobs.length > 0) {
          emptyClaims = 0;
          // The next claim goes out when half of this one's jobs (at least a slot's worth each) are
          // left to start: its round trip, and its jobs' reads, overlap the deliveries of these.
          await dispatch(jobs, Math.max(concurrency, Math.ceil(jobs.length / 2)), claimAhead);
          continue;
        }
        await jobsIdle();
        await batcher.flush();
        if (mode === "once") {
          // Nothing due when last looked; the jobs that were running have finished since, and a
          // second look settles whether anything (e.g. a released job) became due meanwhile.
          if (++emptyClaims >= 2) return;
          continue;
        }
        await signal.wait(options.pollIntervalMs ?? 1_000);
      }
    } finally {
      // A claim sent ahead that no turn of the loop took (a stop): its jobs go back to the queue.
      if (ahead) await giveBack(await (ahead as Promise<ClaimedJob[]>).catch(() => []));
    }
  }

  function startLoop(mode: "continuous" | "once") {
    return state.start(async () => {
      try {
        await loop(mode);
      } finally {
        await jobsIdle();
        await batcher.flush();
      }
    });
  }

  function takeStopAskedBeforeStart(): boolean {
    if (!state.takeStopAskedBeforeStart()) return false;
    logger.info({ msg: "worker stopped before it started", workerId: id });
    return true;
  }

  async function run() {
    if (takeStopAskedBeforeStart()) return;
    if (options.listenUrl) {
      listener = createNotifyListener({ connectionString: options.listenUrl, channel: QUEUE_NOTIFY_CHANNEL, logger, onNotify: signal.wake });
    }
    const maintenance = startMaintenance({
      db,
      clock,
      logger,
      pruneIntervalMs: options.pruneIntervalMs ?? 600_000,
      pruneBatchSize: options.pruneBatchSize,
      rerouteIntervalMs: options.rerouteIntervalMs ?? 30_000,
      stopping: state.stopping,
    });
    logger.info({ msg: "worker started", workerId: id, concurrency, batchSize, leaseMs, listen: Boolean(options.listenUrl) });
    try {
      await startLoop("continuous");
    } finally {
      await maintenance.stop();
      await listener?.close();
      logger.info({ msg: "worker stopped", workerId: id, ...reporter.summary() });
    }
  }

  return {
    id,
    run,
    drainOnce: async () => {
      if (takeStopAskedBeforeStart()) return { processed: 0, retried: 0, deadLettered: 0 };
      const before = reporter.summary();
      await startLoop("once");
      const after = reporter.summary();
      return { processed: after.processed - before.processed, retried: after.retried - before.retried, deadLettered: after.deadLettered - before.deadLettered };
    },
    stop: () => state.stop(signal.wake),
    summary: reporter.summary,
    wake: signal.wake,
    listener: () => listener,
  };
}
