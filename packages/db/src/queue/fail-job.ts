import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { classifyIngestionError, describeIngestionError, shortStack, type IngestionErrorClass } from "../ingestion/errors";
import { refArrays, type ClaimedJob, type JobRef } from "./job-types";
import { retryDelayMs } from "./retry-policy";

/** What to record for one failed attempt. `retryAt: null` dead-letters the job. */
export type JobFailure = {
  job: JobRef;
  error: string;
  errorClass: IngestionErrorClass;
  stack: string | null;
  retryAt: Date | null;
};

/**
 * Decides what a failed attempt leads to: permanent errors and a last attempt dead-letter the
 * job; transient ones retry after the documented cadence with jitter (retry-policy.ts).
 */
export function planJobFailure(options: {
  job: Pick<ClaimedJob, "tenantId" | "id" | "attempts" | "maxAttempts">;
  error: unknown;
  now: Date;
  random?: () => number;
}): JobFailure {
  const { job, error, now } = options;
  const errorClass = classifyIngestionError(error);
  const last = job.attempts >= job.maxAttempts;
  const retryAt = errorClass === "permanent" || last ? null : new Date(now.getTime() + retryDelayMs(job.attempts, options.random));
  return {
    job: { tenantId: job.tenantId, id: job.id },
    error: describeIngestionError(error),
    errorClass,
    stack: shortStack(error),
    retryAt,
  };
}

export type FailJobsResult = { retried: JobRef[]; deadLettered: JobRef[] };

/**
 * Records failed attempts in one statement: PENDING again at `retryAt`, or DEAD_LETTERED with
 * deadLetteredAt (kept indefinitely). Only jobs still leased to `workerId` change.
 * Worker internals: deliberately cross-tenant, keyed by (tenantId, id).
 */
export async function failJobs(options: { failures: readonly JobFailure[]; workerId: string; now?: Date; db?: Db }): Promise<FailJobsResult> {
  if (options.failures.length === 0) return { retried: [], deadLettered: [] };
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const f = options.failures;
  const { tenantIds, ids } = refArrays(f.map((x) => x.job));
  const errors = f.map((x) => x.error);
  const classes = f.map((x) => x.errorClass);
  const stacks = f.map((x) => x.stack);
  const retryAts = f.map((x) => x.retryAt?.toISOString() ?? null);
  const rows = await db.$queryRaw<{ tenantId: string; id: bigint; status: string }[]>`
    UPDATE "IngestionJob" AS j SET
      status = CASE WHEN u.retry_at IS NULL THEN 'DEAD_LETTERED' ELSE 'PENDING' END::"JobStatus",
      "nextAttemptAt" = COALESCE(u.retry_at, j."nextAttemptAt"),
      "deadLetteredAt" = CASE WHEN u.retry_at IS NULL THEN ${now}::timestamp(3) END,
      "lastError" = u.error, "lastErrorClass" = u.error_class, "lastErrorStack" = u.stack,
      "lockedAt" = NULL, "lockedBy" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${now}::timestamp(3)
    FROM unnest(${tenantIds}::uuid[], ${ids}::bigint[], ${errors}::text[], ${classes}::text[], ${stacks}::text[], ${retryAts}::timestamp(3)[])
      AS u("tenantId", id, error, error_class, stack, retry_at)
    WHERE j."tenantId" = u."tenantId" AND j.id = u.id AND j.status::text = 'PROCESSING' AND j."lockedBy" = ${options.workerId}
    RETURNING j."tenantId"::text AS "tenantId", j.id, j.status::text AS status`;
  const result: FailJobsResult = { retried: [], deadLettered: [] };
  for (const r of rows) (r.status === "DEAD_LETTERED" ? result.deadLettered : result.retried).push({ tenantId: r.tenantId, id: r.id.toString() });
  return result;
}
