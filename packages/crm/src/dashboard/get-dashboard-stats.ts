import type { LeadStatus } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { ActivityRow } from "../shared/crm-selects";
import { listActivities } from "../activities/list-activities";

export type DashboardStats = {
  newLeads: { today: number; last7Days: number; last30Days: number };
  /** Every lead of the tenant by pipeline status. */
  byStatus: { status: LeadStatus; count: number }[];
  /** Leads created in the last 30 days by source, largest first. */
  bySource: { source: string; count: number }[];
  /** Over leads created in the last 30 days: time from creation to first contact. */
  speedToFirstContact: { medianSeconds: number | null; averageSeconds: number | null; contacted: number; awaiting: number };
  recentActivities: ActivityRow[];
  /** Start of "today" in the given time zone, and the 7/30-day bounds, for links to filtered lists. */
  bounds: { today: Date; last7Days: Date; last30Days: Date };
};

type CountRow = { today: bigint; d7: bigint; d30: bigint; start_today: Date };
type SpeedRow = { median: number | null; average: number | null; contacted: bigint; awaiting: bigint };

/**
 * The CRM dashboard's numbers for one tenant. "Today" starts at midnight in `timeZone`
 * (default America/New_York); 7 and 30 days are rolling windows ending at `now`.
 */
export async function getDashboardStats(options: { tenantId: string; now?: Date; timeZone?: string; db?: Db }): Promise<DashboardStats> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  const now = options.now ?? new Date();
  const tz = options.timeZone ?? "America/New_York";
  const d7 = new Date(now.getTime() - 7 * 86_400_000);
  const d30 = new Date(now.getTime() - 30 * 86_400_000);
  const [counts] = await db.$queryRaw<CountRow[]>`
    WITH b AS (SELECT (date_trunc('day', ${now}::timestamptz AT TIME ZONE ${tz}) AT TIME ZONE ${tz}) AS start_today)
    SELECT count(*) FILTER (WHERE l."createdAt" >= b.start_today) AS today,
           count(*) FILTER (WHERE l."createdAt" >= ${d7}::timestamptz) AS d7,
           count(*) AS d30, b.start_today
      FROM b LEFT JOIN "Lead" l ON l."tenantId" = ${tenantId}::uuid AND l."createdAt" >= ${d30}::timestamptz AND l."createdAt" <= ${now}::timestamptz
     GROUP BY b.start_today`;
  const [speed] = await db.$queryRaw<SpeedRow[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "firstContactedAt" - "createdAt"))::float8 AS median,
           avg(extract(epoch FROM "firstContactedAt" - "createdAt"))::float8 AS average,
           count("firstContactedAt") AS contacted,
           count(*) FILTER (WHERE "firstContactedAt" IS NULL) AS awaiting
      FROM "Lead" WHERE "tenantId" = ${tenantId}::uuid AND "createdAt" >= ${d30}::timestamptz`;
  const byStatus = await db.lead.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } });
  const bySource = await db.lead.groupBy({ by: ["source"], where: { tenantId, createdAt: { gte: d30 } }, _count: { _all: true } });
  const recent = await listActivities({ tenantId, limit: 8, db });
  return {
    newLeads: { today: Number(counts?.today ?? 0), last7Days: Number(counts?.d7 ?? 0), last30Days: Number(counts?.d30 ?? 0) },
    byStatus: byStatus.map((r) => ({ status: r.status, count: r._count._all })),
    bySource: bySource.map((r) => ({ source: r.source, count: r._count._all })).sort((a, b) => b.count - a.count),
    speedToFirstContact: {
      medianSeconds: speed?.median ?? null,
      averageSeconds: speed?.average ?? null,
      contacted: Number(speed?.contacted ?? 0),
      awaiting: Number(speed?.awaiting ?? 0),
    },
    recentActivities: recent.items,
    bounds: { today: counts?.start_today ?? now, last7Days: d7, last30Days: d30 },
  };
}
