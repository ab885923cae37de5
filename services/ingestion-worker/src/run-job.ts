import type { TWebsiteEventType } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { PermanentIngestionError, processWebsiteEvent, type ProcessWebsiteEventResult } from "@real-estate/db/ingestion";
import { planJobFailure, type ClaimedJob, type JobFailure } from "@real-estate/db/queue";
import type { Clock } from "./clock";

export type JobHandlerContext = {
  job: ClaimedJob;
  db: Db;
  /** The worker clock's time when the job started. */
  now: Date;
  /** The standard processing: ledger → contact → lead → activity, in one transaction. */
  process: () => Promise<ProcessWebsiteEventResult>;
};

/**
 * Handles one job; resolving completes it, throwing fails the attempt (classified by
 * classifyIngestionError: TransientIngestionError retries, PermanentIngestionError dead-letters).
 */
export type JobHandler = (ctx: JobHandlerContext) => Promise<unknown>;

/** Handlers by event type; "*" handles any type without its own. Default: `ctx.process()`. */
export type JobHandlers = Partial<Record<TWebsiteEventType | "*", JobHandler>>;

export const processEventHandler: JobHandler = (ctx) => ctx.process();

export type JobOutcome =
  | { kind: "completed"; job: ClaimedJob; ms: number; result: "applied" | "duplicate" | "done" }
  | { kind: "failed"; job: ClaimedJob; ms: number; failure: JobFailure };

function resultOf(value: unknown): "applied" | "duplicate" | "done" {
  const outcome = (value as { outcome?: unknown } | null)?.outcome;
  return outcome === "applied" || outcome === "duplicate" ? outcome : "done";
}

/** Runs one claimed job through its handler and says what should be recorded; never throws. */
export async function runJob(options: { job: ClaimedJob; db: Db; clock: Clock; handlers?: JobHandlers; random?: () => number }): Promise<JobOutcome> {
  const { job, db, clock } = options;
  const now = clock.now();
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  if (job.attempts > job.maxAttempts) {
    // Only a reclaimed lease pushes attempts past the maximum: the last worker that held this
    // job stopped while processing it. Do not try again (it may be what kills workers).
    const error = new PermanentIngestionError(`lease expired on the last attempt (${job.maxAttempts}): the worker processing it stopped`);
    return { kind: "failed", job, ms: elapsed(), failure: planJobFailure({ job, error, now, random: options.random }) };
  }
  const handler = options.handlers?.[job.eventType as TWebsiteEventType] ?? options.handlers?.["*"] ?? processEventHandler;
  const process = () => processWebsiteEvent({ tenantId: job.tenantId, event: job.payload, db, now });
  try {
    const value = await handler({ job, db, now, process });
    return { kind: "completed", job, ms: elapsed(), result: resultOf(value) };
  } catch (error) {
    return { kind: "failed", job, ms: elapsed(), failure: planJobFailure({ job, error, now, random: options.random }) };
  }
}
