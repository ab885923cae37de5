import crypto from "node:crypto";
import os from "node:os";
import { explainDatabaseError } from "@real-estate/db";
import { claimJobs, QUEUE_NOTIFY_CHANNEL, releaseLeases, type ClaimedJob } from "@real-estate/queue";
import { systemClock } from "./clock";
import { createCompletionBatcher, type FlushedBatch } from "./completion-batcher";
import { createJsonLogger } from "@real-estate/http/logging";
import { backoffDelay, createNotifyListener, type NotifyListener } from "./notify-listener";
import { createOutcomeReporter, type DrainSummary } from "./outcome-reporter";
import { defaultJobKinds } from "./job-kinds";
import { createHeldJobs } from "./held-jobs";
import { startMaintenance } from "./maintenance";
import { createRunState } from "./run-state";
import { readAhead } from "./read-ahead";
import { runJob } from "./run-job";
import { createSlots } from "./slots";
import { createWakeSignal } from "./wake-signal";
import { checkWorkerOptions, type WorkerOptions } from "./worker-options";

export type { WorkerOptions } from "./worker-options";

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
  // Jobs their kind held back (an endpoint's share of the slots, decision 0115).
  const held = createHeldJobs({
    db,
    workerId: id,
    clock,
    logger,
    kinds,
    handlers: options.handlers,
    slots: concurrency,
    maxKept: 4 * Math.max(batchSize, concurrency),
    maxKeptPerGroup: Math.max(batchSize, concurrency),
    maxKeepMs: Math.min(60_000, leaseMs / 4),
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

  /** Starts a job in a slot the caller holds; `end` (its admission's) once the slot is given back. */
  function start(job: ClaimedJob, end: () => void) {
    metrics?.inFlight.inc();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      end();
      freed?.();
      // The slot goes to the oldest held-back job that may start now, else back to the pool; what
      // this job held may let more of them start, in slots that were free.
      if (state.stopping() || !held.startKept(start)) slots.release();
      while (!state.stopping() && held.kept() > 0 && slots.tryAcquire()) {
        if (held.startKept(start)) continue;
        slots.release();
        break;
      }
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

  /** Called when a job gives its slot back (a claim whose jobs were all given back waits for it). */
  let freed: (() => void) | null = null;
  /** Resolves once a job gives its slot back, or after `ms`. */
  function slotFreed(ms: number) {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        freed = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      freed = done;
    });
  }

  /** Resolves when no job holds a slot and every started job has settled. */
  async function jobsIdle() {
    await slots.idle();
    while (running.size > 0) await Promise.all([...running]);
    await held.settled();
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
   * while these jobs are still being started and run. Returns how many were started, kept, or given
   * back due later (not those given back due at once: no room to keep them).
   */
  async function dispatch(jobs: ClaimedJob[], aheadAt: number, claimNext: () => void): Promise<number> {
    let taken = 0;
    for (let i = 0; i < jobs.length;) {
      if (jobs.length - i <= aheadAt) claimNext();
      await slots.acquire();
      if (state.stopping()) {
        slots.release();
        await giveBack(jobs.slice(i));
        return taken;
      }
      // Jobs held back earlier go first when they may; a job that may not start is held back.
      if (held.startKept(start)) continue;
      const job = jobs[i++]!;
      const admission = held.admit(job);
      if (admission.start) {
        start(job, admission.end);
        taken++;
      } else {
        slots.release();
        // Kept, or given back due later (paused): not to be claimed again at once.
        if (held.hold(job, admission) || admission.retryInMs > 0) taken++;
      }
    }
    return taken;
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
          const taken = await dispatch(jobs, Math.max(concurrency, Math.ceil(jobs.length / 2)), claimAhead);
          // Every job of the claim was given back due at once (no room to keep them): the next claim
          // waits for a slot to be given back, so a backlog is not claimed again and again.
          if (taken === 0 && held.kept() + running.size > 0) await slotFreed(options.pollIntervalMs ?? 1_000);
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
      // A claim sent ahead that no turn of the loop took (a stop), and the jobs held back: back to the queue.
      if (ahead) await giveBack(await (ahead as Promise<ClaimedJob[]>).catch(() => []));
      await giveBack(held.takeKept());
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
