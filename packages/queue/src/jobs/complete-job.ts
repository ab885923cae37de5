import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { refArrays, type JobRef } from "./job-types";
import { execute, iso } from "./direct-sql";

// $1 tenant ids, $2 job ids, $3 now, $4 workerId.
const COMPLETE_SQL = `
    UPDATE "IngestionJob" AS j SET
      status = 'COMPLETED', "completedAt" = $3::timestamp(3), "updatedAt" = $3::timestamp(3),
      "lockedAt" = NULL, "lockedBy" = NULL, "leaseExpiresAt" = NULL
    FROM unnest($1::uuid[], $2::bigint[]) AS u("tenantId", id)
    WHERE j."tenantId" = u."tenantId" AND j.id = u.id AND j.status::text = 'PROCESSING' AND j."lockedBy" = $4::text`;

/**
 * Marks jobs COMPLETED in one statement. Only jobs still leased to `workerId` change (a job
 * whose lease expired and was reclaimed belongs to its new worker); returns how many did.
 * Worker internals: deliberately cross-tenant, keyed by (tenantId, id).
 */
export async function completeJobs(options: { jobs: readonly JobRef[]; workerId: string; now?: Date; db?: Db }): Promise<number> {
  if (options.jobs.length === 0) return 0;
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const { tenantIds, ids } = refArrays(options.jobs);
  return execute(db, "queue_complete_jobs", COMPLETE_SQL, [tenantIds, ids, iso(now), options.workerId]);
}
