import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { refArrays, type JobRef } from "./job-types";

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
  return db.$executeRaw`
    UPDATE "IngestionJob" AS j SET
      status = 'COMPLETED', "completedAt" = ${now}::timestamp(3), "updatedAt" = ${now}::timestamp(3),
      "lockedAt" = NULL, "lockedBy" = NULL, "leaseExpiresAt" = NULL
    FROM unnest(${tenantIds}::uuid[], ${ids}::bigint[]) AS u("tenantId", id)
    WHERE j."tenantId" = u."tenantId" AND j.id = u.id AND j.status::text = 'PROCESSING' AND j."lockedBy" = ${options.workerId}`;
}

/** Completes one job (see completeJobs). */
export async function completeJob(options: { job: JobRef; workerId: string; now?: Date; db?: Db }): Promise<boolean> {
  return (await completeJobs({ ...options, jobs: [options.job] })) === 1;
}
