import type { Db } from "@real-estate/db";
import { Prisma } from "@real-estate/db";

export type Series = {
  /** Start of the first bucket. */
  start: Date;
  bucketSeconds: number;
  /** Jobs completed per minute in each bucket (an average for buckets longer than a minute). */
  processed: number[];
  /** Jobs whose latest attempt failed, per minute in each bucket. */
  failed: number[];
};

export type ThroughputSeries = { hour: Series; day: Series; deadLetteredPerHour: number[]; deadLetteredDayStart: Date };

type Row = { minute: bigint; kind: "processed" | "failed" | "dead"; n: number };

function bucketize(rows: Row[], kind: Row["kind"], startMinute: number, buckets: number, minutesPerBucket: number): number[] {
  const out = new Array<number>(buckets).fill(0);
  for (const r of rows) {
    if (r.kind !== kind) continue;
    const i = Math.floor((Number(r.minute) - startMinute) / minutesPerBucket);
    if (i >= 0 && i < buckets) out[i]! += r.n;
  }
  return out;
}

/** Per-minute average of each bucket, to two decimals. */
const perMinute = (sums: number[], minutesPerBucket: number) => sums.map((v) => Math.round((v / minutesPerBucket) * 100) / 100);

/**
 * Processed, failed and dead-lettered jobs over the last day, counted per minute in SQL and
 * bucketed here: the last hour per minute, the last day in 15-minute buckets, dead letters per
 * hour. "Failed" is a job whose latest attempt failed (lastAttemptAt with lastError, not
 * completed): the queue keeps one row per job, not one per attempt.
 */
export async function readThroughputSeries(db: Db, options: { now: Date; tenantId?: string }): Promise<ThroughputSeries> {
  const nowMinute = Math.floor(options.now.getTime() / 60_000);
  const dayStartMinute = nowMinute - 24 * 60 + 1;
  const since = new Date(dayStartMinute * 60_000);
  const scope = options.tenantId ? Prisma.sql`AND "tenantId" = ${options.tenantId}::uuid` : Prisma.empty;
  // Cross-tenant on purpose: the operator's platform-wide view (narrowed by tenantId when given).
  const rows = await db.$queryRaw<Row[]>`
    SELECT floor(extract(epoch FROM ts) / 60)::bigint AS minute, kind, count(*)::int AS n FROM (
      SELECT "completedAt" AS ts, 'processed' AS kind FROM "IngestionJob" WHERE "completedAt" >= ${since}::timestamp(3) ${scope}
      UNION ALL
      SELECT "lastAttemptAt", 'failed' FROM "IngestionJob"
       WHERE "lastAttemptAt" >= ${since}::timestamp(3) AND "lastError" IS NOT NULL AND status <> 'COMPLETED' ${scope}
      UNION ALL
      SELECT "deadLetteredAt", 'dead' FROM "IngestionJob" WHERE "deadLetteredAt" >= ${since}::timestamp(3) ${scope}
    ) x GROUP BY 1, 2`;
  const hourStartMinute = nowMinute - 59;
  // 96 quarter-hour buckets aligned to the clock, the last one holding the current minute.
  const dayBucketStart = nowMinute - (nowMinute % 15) - 95 * 15;
  return {
    hour: {
      start: new Date(hourStartMinute * 60_000),
      bucketSeconds: 60,
      processed: bucketize(rows, "processed", hourStartMinute, 60, 1),
      failed: bucketize(rows, "failed", hourStartMinute, 60, 1),
    },
    day: {
      start: new Date(dayBucketStart * 60_000),
      bucketSeconds: 900,
      processed: perMinute(bucketize(rows, "processed", dayBucketStart, 96, 15), 15),
      failed: perMinute(bucketize(rows, "failed", dayBucketStart, 96, 15), 15),
    },
    deadLetteredPerHour: bucketize(rows, "dead", dayStartMinute, 24, 60),
    deadLetteredDayStart: since,
  };
}
