import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type QueueCount = { tenantId: string; tenantSlug: string; kind: string; status: string; count: number };

export type QueueStats = {
  /** Jobs per tenant, kind and status (combinations with no jobs are absent). */
  counts: QueueCount[];
  /** Seconds since the oldest due PENDING job became due (0 when none is due). */
  oldestDueAgeSeconds: number;
  /** Jobs whose lease ran out (their worker is gone) and that wait to be reclaimed. */
  expiredLeases: number;
};

/**
 * Queue health for metrics and the studio: one GROUP BY over the table and two lookups in the
 * partial indexes of due (PENDING) and running (PROCESSING) jobs. Platform-level (operator): deliberately cross-tenant.
 */
export async function getQueueStats(options: { now?: Date; db?: Db } = {}): Promise<QueueStats> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const [counts, due] = await Promise.all([
    db.$queryRaw<{ tenantId: string; tenantSlug: string; kind: string; status: string; count: bigint }[]>`
      SELECT c."tenantId"::text AS "tenantId", t.slug AS "tenantSlug", c.kind, c.status, c.count
      FROM (SELECT "tenantId", kind, status::text AS status, count(*) AS count FROM "IngestionJob" GROUP BY 1, 2, 3) AS c
      JOIN "Tenant" AS t ON t.id = c."tenantId"
      ORDER BY t.slug, c.kind, c.status`,
    db.$queryRaw<{ oldest: Date | null; expired: bigint }[]>`
      SELECT (SELECT min("nextAttemptAt") FROM "IngestionJob" WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}::timestamp(3)) AS oldest,
             (SELECT count(*) FROM "IngestionJob" WHERE status = 'PROCESSING' AND "leaseExpiresAt" <= ${now}::timestamp(3)) AS expired`,
  ]);
  const oldest = due[0]?.oldest;
  return {
    counts: counts.map((c) => ({ ...c, count: Number(c.count) })),
    oldestDueAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
    expiredLeases: Number(due[0]?.expired ?? 0n),
  };
}
