import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { classifyIngestionError, describeIngestionError, shortStack, type IngestionErrorClass } from "../errors/job-errors";
import { refArrays, type ClaimedJob, type JobRef } from "./job-types";
import { retryDelayMs, type JobRetryPolicy } from "./retry-policy";
import { iso, queryRows } from "./direct-sql";

// $1..$7 the failures as parallel arrays, $8 now, $9 workerId.
const FAIL_SQL = `
    UPDATE "IngestionJob" AS j SET
      status = CASE WHEN u.retry_at IS NULL THEN 'DEAD_LETTERED' ELSE 'PENDING' END::"JobStatus",
      "nextAttemptAt" = COALESCE(u.retry_at, j."nextAttemptAt"),
      "deadLetteredAt" = CASE WHEN u.retry_at IS NULL THEN $8::timestamp(3) END,
      "maxAttempts" = u.max_attempts, "lastError" = u.error, "lastErrorClass" = u.error_class, "lastErrorStack" = u.stack,
      "lockedAt" = NULL, "lockedBy" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = $8::timestamp(3)
    FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[], $7::int[])
      AS u("tenantId", id, error, error_class, stack, retry_at, max_attempts)
    WHERE j."tenantId" = u."tenantId" AND j.id = u.id AND j.status::text = 'PROCESSING' AND j."lockedBy" = $9::text
    RETURNING j."tenantId"::text AS "tenantId", j.id, j.status::text AS status`;

/** What to record for one failed attempt. `retryAt: null` dead-letters the job. */
export type JobFailure = {
  job: JobRef;
  error: string;
  errorClass: IngestionErrorClass;
  stack: string | null;
  retryAt: Date | null;
  /** The attempts the job's kind allows, written back so operators see the limit that applied. */
  maxAttempts: number;
};

/** The attempts a job gets: its kind's policy when it sets them, else what the job stored at enqueue. */
export function effectiveMaxAttempts(job: Pick<ClaimedJob, "maxAttempts">, policy?: JobRetryPolicy): number {
  return policy?.attempts ?? job.maxAttempts;
}

/**
 * Decides what a failed attempt leads to under the job kind's retry policy: permanent errors
 * and a last attempt dead-letter the job; transient ones retry after the policy's cadence with
 * jitter (retry-policy.ts), or later when the error asks for more (`leastDelayMs`).
 */
export function planJobFailure(options: {
  job: Pick<ClaimedJob, "tenantId" | "id" | "attempts" | "maxAttempts">;
  error: unknown;
  now: Date;
  random?: () => number;
  policy?: JobRetryPolicy;
}): JobFailure {
  const { job, error, now, policy } = options;
  const errorClass = policy?.classify?.(error) ?? classifyIngestionError(error);
  const maxAttempts = effectiveMaxAttempts(job, policy);
  const last = job.attempts >= maxAttempts;
  const delayMs = Math.max(retryDelayMs(job.attempts, options.random, policy), policy?.leastDelayMs?.(error) ?? 0);
  const retryAt = errorClass === "permanent" || last ? null : new Date(now.getTime() + delayMs);
  return {
    maxAttempts,
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
  const maxAttempts = f.map((x) => x.maxAttempts);
  const rows = await queryRows<{ tenantId: string; id: bigint | string; status: string }>(db, "queue_fail_jobs", FAIL_SQL, [
    tenantIds,
    ids,
    errors,
    classes,
    stacks,
    retryAts,
    maxAttempts,
    iso(now),
    options.workerId,
  ]);
  const result: FailJobsResult = { retried: [], deadLettered: [] };
  for (const r of rows) (r.status === "DEAD_LETTERED" ? result.deadLettered : result.retried).push({ tenantId: r.tenantId, id: String(r.id) });
  return result;
}
