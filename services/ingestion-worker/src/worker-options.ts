import type { Db } from "@real-estate/db";
import type { Logger } from "@real-estate/http/logging";
import type { Clock } from "./clock";
import type { JobKindRegistry } from "./job-kinds";
import type { WorkerMetrics } from "./metrics";
import type { JobHandlers } from "./run-job";

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

/** The worker's numeric settings: each must be a positive whole number, or 0 where 0 turns a round off. */
const POSITIVE = ["concurrency", "batchSize", "leaseMs", "pollIntervalMs", "pruneBatchSize"] as const;
const ZERO_DISABLES = ["pruneIntervalMs", "rerouteIntervalMs"] as const;

type NumericOptions = Partial<Record<(typeof POSITIVE)[number] | (typeof ZERO_DISABLES)[number], number>>;

/**
 * Refuses a setting the worker could not run with, when the worker is created rather than at the
 * first round that reads it (a pruning batch of 0 used to fail only in the first prune round).
 */
export function checkWorkerOptions(options: NumericOptions): void {
  for (const name of [...POSITIVE, ...ZERO_DISABLES]) {
    const value = options[name];
    if (value === undefined) continue;
    const least = (POSITIVE as readonly string[]).includes(name) ? 1 : 0;
    if (!Number.isSafeInteger(value) || value < least) {
      throw new RangeError(`createWorker: ${name} must be a whole number of at least ${least}, got ${value}`);
    }
  }
}
