import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { refArrays, type JobRef } from "./job-types";
import { execute, iso } from "./direct-sql";

// $1 tenant ids, $2 job ids, $3 now, $4 workerId, $5 each job's completion time.
const COMPLETE_SQL = `
    UPDATE "IngestionJob" AS j SET
      status = 'COMPLETED', "completedAt" = u.at, "updatedAt" = $3::timestamp(3),
      "lockedAt" = NULL, "lockedBy" = NULL, "leaseExpiresAt" = NULL
    FROM unnest($1::uuid[], $2::bigint[], $5::timestamp(3)[]) AS u("tenantId", id, at)
    WHERE j."tenantId" = u."tenantId" AND j.id = u.id AND j.status::text = 'PROCESSING' AND j."lockedBy" = $4::text`;

/**
 * Marks jobs COMPLETED in one statement. Only jobs still leased to `workerId` change (a job
 * whose lease expired and was reclaimed belongs to its new worker); returns how many did.
 * Worker internals: deliberately cross-tenant, keyed by (tenantId, id).
 */
export async function completeJobs(options: {
  jobs: readonly JobRef[];
  workerId: string;
  now?: Date;
  /** When each job finished, in the order of `jobs` (default: `now` for all): its completedAt. */
  completedAt?: readonly Date[];
  db?: Db;
}): Promise<number> {
  if (options.jobs.length === 0) return 0;
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const { tenantIds, ids } = refArrays(options.jobs);
  const at = options.jobs.map((_, i) => iso(options.completedAt?.[i] ?? now));
  return execute(db, "queue_complete_jobs", COMPLETE_SQL, [tenantIds, ids, iso(now), options.workerId, at]);
}
