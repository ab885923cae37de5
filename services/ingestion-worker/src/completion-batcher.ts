import type { Db } from "@real-estate/db";
import { explainDatabaseError } from "@real-estate/db";
import { completeJobs, failJobs, type FailJobsResult } from "@real-estate/queue";
import type { Clock } from "./clock";
import type { Logger } from "@real-estate/http/logging";
import { backoffDelay } from "./notify-listener";
import type { JobOutcome } from "./run-job";

export type FlushedBatch = { completed: number; completedOutcomes: JobOutcome[]; failed: FailJobsResult; failedOutcomes: JobOutcome[] };

export type CompletionBatcher = {
  add(outcome: JobOutcome): void;
  /** Resolves when every outcome added so far is written (or given up on). */
  flush(): Promise<void>;
};

const MAX_WRITE_TRIES = 5;

/**
 * Records job outcomes in batches: every outcome that arrives while a write is in flight goes
 * into the next write, so under load one UPDATE completes many jobs, and when idle an outcome
 * is written on the next tick. If the database stays unavailable, the outcomes are dropped
 * after a few tries: the jobs' leases expire and they run again, which the ledger makes harmless.
 */
export function createCompletionBatcher(options: {
  db: Db;
  workerId: string;
  clock: Clock;
  logger: Logger;
  /** Runs after each batch is written; a promise it returns is awaited before the next write. */
  onFlushed: (batch: FlushedBatch) => void | Promise<void>;
}): CompletionBatcher {
  let pending: JobOutcome[] = [];
  let running: Promise<void> | null = null;
  let scheduled = false;

  const write = async (items: JobOutcome[]) => {
    const completedOutcomes = items.filter((o) => o.kind === "completed");
    const failedOutcomes = items.filter((o) => o.kind === "failed");
    for (let tries = 1; ; tries++) {
      try {
        const now = options.clock.now();
        const [completed, failed] = await Promise.all([
          completeJobs({ db: options.db, workerId: options.workerId, now, jobs: completedOutcomes.map((o) => o.job) }),
          failJobs({ db: options.db, workerId: options.workerId, now, failures: failedOutcomes.map((o) => (o.kind === "failed" ? o.failure : null)!) }),
        ]);
        return options.onFlushed({ completed, completedOutcomes, failed, failedOutcomes });
      } catch (error) {
        const reason = explainDatabaseError(error);
        if (tries >= MAX_WRITE_TRIES) {
          options.logger.error({ msg: "could not record job outcomes; their leases will expire and they will run again", jobs: items.length, reason });
          return;
        }
        const delay = backoffDelay(tries);
        options.logger.warn({ msg: "recording job outcomes failed, retrying", jobs: items.length, reason, retryInMs: delay });
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  };

  const flush = async (): Promise<void> => {
    scheduled = false;
    while (pending.length > 0 || running) {
      if (running) {
        await running;
        continue;
      }
      const items = pending;
      pending = [];
      running = write(items).finally(() => {
        running = null;
      });
    }
  };

  return {
    add: (outcome) => {
      pending.push(outcome);
      if (!scheduled && !running) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    },
    flush,
  };
}
