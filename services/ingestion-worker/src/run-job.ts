import { isRequestId, runWithRequestId } from "@real-estate/types/request-context";
import type { Db } from "@real-estate/db";
import { processWebsiteEvent } from "@real-estate/crm";
import { claimJobEffect, effectiveMaxAttempts, PermanentIngestionError, planJobFailure, type ClaimedJob, type JobFailure } from "@real-estate/queue";
import type { Clock } from "./clock";
import { defaultJobKinds, type JobHandler, type JobHandlerContext, type JobKind, type JobKindRegistry } from "./job-kinds";

export type { JobHandler, JobHandlerContext } from "./job-kinds";

/**
 * Handler overrides (tests, benchmarks): by kind, then by event type, "*" for any job. The
 * kind's retry policy still applies.
 */
export type JobHandlers = Partial<Record<string, JobHandler>>;

export const processEventHandler: JobHandler = (ctx) => ctx.process();

export type JobOutcome =
  /** `at`: the clock's time when the handler settled (the job's completedAt, written later in a batch). */
  | { kind: "completed"; job: ClaimedJob; ms: number; result: "applied" | "duplicate" | "done"; at: Date }
  | { kind: "failed"; job: ClaimedJob; ms: number; failure: JobFailure };

function resultOf(value: unknown): "applied" | "duplicate" | "done" {
  const outcome = (value as { outcome?: unknown } | null)?.outcome;
  // "recorded": an event applied to a contact's timeline without a lead (a viewed home).
  if (outcome === "recorded") return "applied";
  return outcome === "applied" || outcome === "duplicate" ? outcome : "done";
}

/**
 * The id of the request that caused a job: the queue's column (set when it was queued while a
 * request or job was being served), else a website event's `source.requestId`.
 */
export function jobRequestId(job: Pick<ClaimedJob, "requestId" | "payload">): string | null {
  if (isRequestId(job.requestId)) return job.requestId;
  const id = (job.payload as { source?: { requestId?: unknown } } | null)?.source?.requestId;
  return isRequestId(id) ? id : null;
}

function handlerFor(job: ClaimedJob, kind: JobKind | undefined, handlers?: JobHandlers): JobHandler | undefined {
  return handlers?.[job.kind] ?? handlers?.[job.eventType] ?? handlers?.["*"] ?? kind?.handle;
}

/** Runs one claimed job through its kind's handler and says what should be recorded; never throws. */
export async function runJob(options: {
  job: ClaimedJob;
  db: Db;
  clock: Clock;
  kinds?: JobKindRegistry;
  handlers?: JobHandlers;
  random?: () => number;
  /** Called when the handler gives back its slot early (ctx.release), at most once. */
  onRelease?: () => void;
}): Promise<JobOutcome> {
  const { job, db, clock } = options;
  const now = clock.now();
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const kind = (options.kinds ?? defaultJobKinds())[job.kind];
  const policy = kind?.retry;
  const fail = (error: unknown): JobOutcome => ({
    kind: "failed",
    job,
    ms: elapsed(),
    failure: planJobFailure({ job, error, now, random: options.random, policy }),
  });
  const maxAttempts = effectiveMaxAttempts(job, policy);
  if (job.attempts > maxAttempts) {
    // Only a reclaimed lease pushes attempts past the maximum: the last worker that held this
    // job stopped while processing it. Do not try again (it may be what kills workers).
    return fail(new PermanentIngestionError(`lease expired on the last attempt (${maxAttempts}): the worker processing it stopped`));
  }
  const handler = handlerFor(job, kind, options.handlers);
  if (!handler) return fail(new PermanentIngestionError(`no handler for job kind "${job.kind}" in this worker`));
  const ctx: JobHandlerContext = {
    job,
    db,
    now,
    process: (o) =>
      processWebsiteEvent({
        tenantId: job.tenantId,
        event: job.payload,
        db,
        now,
        writeLeadAlert: o?.writeLeadAlert,
        prepareAssigneeAlert: o?.prepareAssigneeAlert,
      }),
    release: () => options.onRelease?.(),
    once: (effect) =>
      db.$transaction(async (tx) => {
        if (!(await claimJobEffect(tx, { tenantId: job.tenantId, kind: job.kind, key: job.eventId, now }))) return { outcome: "duplicate" as const };
        return { outcome: "applied" as const, value: await effect(tx) };
      }),
  };
  try {
    // Jobs the handler queues carry this job's request id on.
    const result = await runWithRequestId(jobRequestId(job), () => handler(ctx));
    return { kind: "completed", job, ms: elapsed(), result: resultOf(result), at: clock.now() };
  } catch (error) {
    return fail(error);
  }
}
