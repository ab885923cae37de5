import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import type { ClaimedJob } from "./job-types";

type ClaimRow = Omit<ClaimedJob, "id"> & { id: bigint };

/**
 * Claims up to `limit` due jobs for one worker in a single statement: jobs whose lease expired
 * (their worker died) first, then PENDING jobs whose nextAttemptAt has come, oldest first.
 * Rows are picked with FOR UPDATE SKIP LOCKED, so concurrent workers never claim the same job
 * and never wait for each other. Each claim counts as an attempt (attempts + 1).
 * Worker internals: deliberately cross-tenant (the queue is shared by all tenants).
 */
export async function claimJobs(options: {
  /** Identifies the worker; completion and failure only apply to jobs it still holds. */
  workerId: string;
  /** Most jobs to claim (default 50). */
  limit?: number;
  /** Lease length in ms; after it another worker may reclaim the job (default 300,000). */
  leaseMs?: number;
  /** The worker's clock (default: now). */
  now?: Date;
  db?: Db;
}): Promise<ClaimedJob[]> {
  const db = options.db ?? getDb();
  const limit = options.limit ?? 50;
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? 300_000));
  const rows = await db.$queryRaw<ClaimRow[]>`
    WITH expired AS (
      SELECT "tenantId", id FROM "IngestionJob"
      WHERE status = 'PROCESSING' AND "leaseExpiresAt" <= ${now}::timestamp(3)
      ORDER BY "leaseExpiresAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), due AS (
      SELECT "tenantId", id FROM "IngestionJob"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}::timestamp(3)
      ORDER BY "nextAttemptAt" LIMIT greatest(0, ${limit} - (SELECT count(*) FROM expired))
      FOR UPDATE SKIP LOCKED
    ), picked AS (
      SELECT "tenantId", id FROM expired UNION ALL SELECT "tenantId", id FROM due
    )
    UPDATE "IngestionJob" AS j SET
      status = 'PROCESSING',
      attempts = j.attempts + 1,
      "lockedAt" = ${now}::timestamp(3),
      "lockedBy" = ${options.workerId},
      "leaseExpiresAt" = ${leaseUntil}::timestamp(3),
      "firstAttemptAt" = COALESCE(j."firstAttemptAt", ${now}::timestamp(3)),
      "lastAttemptAt" = ${now}::timestamp(3),
      "updatedAt" = ${now}::timestamp(3)
    FROM picked
    WHERE j."tenantId" = picked."tenantId" AND j.id = picked.id
    RETURNING j.id, j."tenantId"::text AS "tenantId", j."eventId", j."eventType", j.payload, j.attempts, j."maxAttempts",
              j."lockedBy", j."leaseExpiresAt", j."createdAt"`;
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
