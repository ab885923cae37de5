import type { Db } from "@real-estate/db";
import { explainDatabaseError } from "@real-estate/db";
import { completeJobs, createRecordGate, failJobs, type FailJobsResult } from "@real-estate/queue";
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
 * Records job outcomes in batches (record-gate.ts, decision 0071): while other jobs run, outcomes
 * wait for a write of RECORD_GATE_ROWS, or RECORD_GATE_MAX_WAIT_MS at most, one write in flight;
 * once no job is running, what waits is written on the next turn. If the database stays
 * unavailable, the outcomes are dropped after a few tries: the jobs' leases expire and they run
 * again, which the ledger makes harmless.
 */
export function createCompletionBatcher(options: {
  db: Db;
  workerId: string;
  clock: Clock;
  logger: Logger;
  /** Jobs started and not yet settled: each will add an outcome (default: none, every outcome written on the next turn). */
  running?: () => number;
  /** Runs after each batch is written; a promise it returns is awaited before the next write. */
  onFlushed: (batch: FlushedBatch) => void | Promise<void>;
}): CompletionBatcher {
  const write = async (items: JobOutcome[]) => {
    const completedOutcomes = items.filter((o) => o.kind === "completed");
    const failedOutcomes = items.filter((o) => o.kind === "failed");
    for (let tries = 1; ; tries++) {
      try {
        const now = options.clock.now();
        const [completed, failed] = await Promise.all([
          completeJobs({
            db: options.db,
            workerId: options.workerId,
            now,
            jobs: completedOutcomes.map((o) => o.job),
            // Each job's own time: the batch is written up to RECORD_GATE_MAX_WAIT_MS later.
            completedAt: completedOutcomes.map((o) => (o.kind === "completed" ? o.at : now)),
          }),
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

  const gate = createRecordGate<JobOutcome>({ write: async (items) => void (await write(items)), busy: options.running ?? (() => 0) });
  return { add: gate.add, flush: gate.flush };
}
