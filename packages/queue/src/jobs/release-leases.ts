import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { refArrays, type JobRef } from "./job-types";
import { execute, iso } from "./direct-sql";

/**
 * Gives claimed jobs that were never started back to the queue (graceful shutdown): PENDING,
 * due now, lease cleared, and the attempt the claim counted is taken back.
 * Only jobs still leased to `workerId` change; returns how many did.
 * Worker internals: deliberately cross-tenant, keyed by (tenantId, id).
 */
export async function releaseLeases(options: { jobs: readonly JobRef[]; workerId: string; now?: Date; db?: Db }): Promise<number> {
  if (options.jobs.length === 0) return 0;
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const { tenantIds, ids } = refArrays(options.jobs);
  return db.$executeRaw`
    UPDATE "IngestionJob" AS j SET
      status = 'PENDING', attempts = greatest(j.attempts - 1, 0), "nextAttemptAt" = least(j."nextAttemptAt", ${now}::timestamp(3)),
      "lockedAt" = NULL, "lockedBy" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${now}::timestamp(3)
    FROM unnest(${tenantIds}::uuid[], ${ids}::bigint[]) AS u("tenantId", id)
    WHERE j."tenantId" = u."tenantId" AND j.id = u.id AND j.status::text = 'PROCESSING' AND j."lockedBy" = ${options.workerId}`;
}

// $1 tenant ids, $2 job ids, $3 each job's due time, $4 now, $5 workerId.
const DEFER_SQL = `
    UPDATE "IngestionJob" AS j SET
      status = 'PENDING', attempts = greatest(j.attempts - 1, 0), "nextAttemptAt" = u.due,
      "lockedAt" = NULL, "lockedBy" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = $4::timestamp(3)
    FROM unnest($1::uuid[], $2::bigint[], $3::timestamp(3)[]) AS u("tenantId", id, due)
    WHERE j."tenantId" = u."tenantId" AND j.id = u.id AND j.status::text = 'PROCESSING' AND j."lockedBy" = $5::text`;

/**
 * Gives claimed jobs that were held back without starting (what they need is busy: decision 0115)
 * back to the queue until their own time: PENDING, due at `until`, lease cleared, and the attempt
 * the claim counted taken back. Only jobs still leased to `workerId` change; returns how many did.
 * Worker internals: deliberately cross-tenant, keyed by (tenantId, id).
 */
export async function deferJobs(options: { jobs: readonly (JobRef & { until: Date })[]; workerId: string; now?: Date; db?: Db }): Promise<number> {
  if (options.jobs.length === 0) return 0;
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const { tenantIds, ids } = refArrays(options.jobs);
  const due = options.jobs.map((j) => iso(j.until));
  return execute(db, "queue_defer_jobs", DEFER_SQL, [tenantIds, ids, due, iso(now), options.workerId]);
}
