import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/** Completed jobs are kept this long by default (7 days); the IngestedEvent ledger is never pruned. */
export const DEFAULT_COMPLETED_RETENTION_MS = 7 * 24 * 3_600_000;

/** Retention from INGESTION_COMPLETED_RETENTION_HOURS, else the default. */
export function completedRetentionMs(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.INGESTION_COMPLETED_RETENTION_HOURS);
  return Number.isFinite(hours) && hours >= 0 && env.INGESTION_COMPLETED_RETENTION_HOURS?.trim() ? hours * 3_600_000 : DEFAULT_COMPLETED_RETENTION_MS;
}

/**
 * Deletes COMPLETED jobs finished more than `retentionMs` before `now`, in batches so no
 * statement holds many row locks. Pending, processing and dead-lettered jobs are never touched,
 * nor is the idempotency ledger. Returns how many were deleted. `shouldStop` is asked after each
 * batch: true ends the pruning there (a stopping worker), the rest waits for the next round.
 * Worker internals: deliberately cross-tenant (retention is a platform setting).
 */
export async function pruneCompletedJobs(
  options: { retentionMs?: number; now?: Date; batchSize?: number; shouldStop?: () => boolean; db?: Db } = {},
): Promise<number> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.retentionMs ?? completedRetentionMs()));
  const batchSize = options.batchSize ?? 5_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`pruneCompletedJobs: batchSize must be a positive integer, got ${batchSize}`);
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM "IngestionJob" AS j USING (
        SELECT "tenantId", id FROM "IngestionJob"
        WHERE status = 'COMPLETED' AND "completedAt" < ${cutoff}::timestamp(3)
        LIMIT ${batchSize} FOR UPDATE SKIP LOCKED
      ) AS old
      WHERE j."tenantId" = old."tenantId" AND j.id = old.id`;
    total += deleted;
    if (deleted < batchSize || options.shouldStop?.()) return total;
  }
}
