import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { ClaimedJob } from "./job-types";
import { iso, queryRows } from "./direct-sql";

type ClaimRow = Omit<ClaimedJob, "id"> & { id: bigint | string };

// $1 now, $2 limit, $3 kinds (null: any), $4 workerId, $5 lease end. The two picks walk the
// partial indexes on PENDING (nextAttemptAt) and PROCESSING (leaseExpiresAt) rows and lock what
// they pick. The update finds the picked rows by their physical address (a Tid Scan): a row we
// hold locked cannot move before this statement updates it. Joined by key instead, the plan
// depended on the table's statistics: the second pick's LIMIT is not a constant, so the planner
// counts on a tenth of the table and, once the table has been analyzed, hashes the whole table
// for every claim of 50 (decision 0121).
export const CLAIM_SQL = `
    WITH expired AS (
      SELECT ctid FROM "IngestionJob"
      WHERE status = 'PROCESSING' AND "leaseExpiresAt" <= $1::timestamp(3) AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
      ORDER BY "leaseExpiresAt" LIMIT $2::int
      FOR UPDATE SKIP LOCKED
    ), due AS (
      SELECT ctid FROM "IngestionJob"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= $1::timestamp(3) AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
      ORDER BY "nextAttemptAt" LIMIT greatest(0, $2::int - (SELECT count(*) FROM expired))
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "IngestionJob" AS j SET
      status = 'PROCESSING',
      attempts = j.attempts + 1,
      "lockedAt" = $1::timestamp(3),
      "lockedBy" = $4::text,
      "leaseExpiresAt" = $5::timestamp(3),
      "firstAttemptAt" = COALESCE(j."firstAttemptAt", $1::timestamp(3)),
      "lastAttemptAt" = $1::timestamp(3),
      "updatedAt" = $1::timestamp(3)
    WHERE j.ctid = ANY (ARRAY(SELECT ctid FROM expired UNION ALL SELECT ctid FROM due))
    RETURNING j.id, j."tenantId"::text AS "tenantId", j.kind, j."eventId", j."eventType", j.payload, j."requestId", j.attempts, j."maxAttempts",
              j."lockedBy", j."leaseExpiresAt", j."createdAt"`;

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
  /**
   * Only jobs of these kinds (default: every kind). A worker claims the kinds it can run, so a
   * job of a kind no running worker knows waits (visible in the studio) instead of failing.
   */
  kinds?: readonly string[] | null;
  db?: Db;
}): Promise<ClaimedJob[]> {
  const db = options.db ?? getDb();
  const limit = options.limit ?? 50;
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? 300_000));
  const kinds = options.kinds ? [...options.kinds] : null;
  const rows = await queryRows<ClaimRow>(db, "queue_claim_jobs_by_tid", CLAIM_SQL, [iso(now), limit, kinds, options.workerId, iso(leaseUntil)]);
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}
