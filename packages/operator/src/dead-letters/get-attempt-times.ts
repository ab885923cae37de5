import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type AttemptTimes = { firstAttemptAt: Date | null; lastAttemptAt: Date | null };

/** First and last attempt of the given jobs (by id), for the dead-letter table. */
export async function getAttemptTimes(options: { jobs: { tenantId: string; jobId: string }[]; db?: Db }): Promise<Map<string, AttemptTimes>> {
  const db = options.db ?? getDb();
  if (!options.jobs.length) return new Map();
  const tenantIds = options.jobs.map((j) => j.tenantId);
  const ids = options.jobs.map((j) => j.jobId);
  const rows = await db.$queryRaw<{ id: bigint; firstAttemptAt: Date | null; lastAttemptAt: Date | null }[]>`
    SELECT j.id, j."firstAttemptAt", j."lastAttemptAt" FROM "IngestionJob" AS j
      JOIN unnest(${tenantIds}::uuid[], ${ids}::bigint[]) AS k("tenantId", id) ON j."tenantId" = k."tenantId" AND j.id = k.id`;
  return new Map(rows.map((r) => [r.id.toString(), { firstAttemptAt: r.firstAttemptAt, lastAttemptAt: r.lastAttemptAt }]));
}
