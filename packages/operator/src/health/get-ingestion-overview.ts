import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { Prisma } from "@real-estate/db";
import { isUuid } from "../shared/ids";
import { healthThresholdsFromEnv, type HealthThresholds } from "./health-thresholds";
import { readThroughputSeries, type ThroughputSeries } from "./throughput-series";

export type TenantJobCounts = {
  tenantId: string;
  slug: string;
  name: string;
  PENDING: number;
  PROCESSING: number;
  COMPLETED: number;
  DEAD_LETTERED: number;
};

/** Jobs by status of one kind (decision 0010), and how long its oldest due job has waited. */
export type KindJobCounts = {
  kind: string;
  PENDING: number;
  PROCESSING: number;
  COMPLETED: number;
  DEAD_LETTERED: number;
  oldestDueAgeSeconds: number | null;
};

export type HealthWarning = { code: "oldest_due_job" | "dead_letters_growing" | "stuck_processing"; message: string };

export type IngestionOverview = ThroughputSeries & {
  generatedAt: Date;
  thresholds: HealthThresholds;
  byTenant: TenantJobCounts[];
  byKind: KindJobCounts[];
  /** Jobs that are due now and not yet claimed. */
  dueNow: number;
  oldestDue: { nextAttemptAt: Date; ageSeconds: number } | null;
  /** Jobs claimed by a worker whose lease has run out (a crashed worker; they come back). */
  expiredLeases: number;
  deadLetters: { current: number; newLastHour: number; newLastDay: number };
  warnings: HealthWarning[];
};

type StatusRow = { tenantId: string; slug: string; name: string; status: keyof Omit<TenantJobCounts, "tenantId" | "slug" | "name">; n: number };
type KindRow = { kind: string; status: StatusRow["status"]; n: number; oldestDue: Date | null };
type QueueRow = { dueNow: number; oldestDue: Date | null; expiredLeases: number; deadNow: number };

function formatAge(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function buildWarnings(o: Omit<IngestionOverview, "warnings">): HealthWarning[] {
  const warnings: HealthWarning[] = [];
  if (o.oldestDue && o.oldestDue.ageSeconds > o.thresholds.oldestDueWarnSeconds) {
    warnings.push({
      code: "oldest_due_job",
      message: `The oldest due job has waited ${formatAge(o.oldestDue.ageSeconds)} (threshold ${formatAge(o.thresholds.oldestDueWarnSeconds)}): workers are behind or stopped.`,
    });
  }
  if (o.deadLetters.newLastHour >= o.thresholds.deadLetterGrowthWarn) {
    warnings.push({ code: "dead_letters_growing", message: `${o.deadLetters.newLastHour} jobs were dead-lettered in the last hour.` });
  }
  if (o.expiredLeases > 0) {
    warnings.push({
      code: "stuck_processing",
      message: `${o.expiredLeases} claimed jobs have an expired lease (a worker stopped mid-job); they will be retried.`,
    });
  }
  return warnings;
}

/**
 * The ingestion pipeline's health across every tenant (or one, with tenantId): jobs by status
 * per tenant, throughput series, the oldest due job, dead letters and the warnings derived from
 * them. Unsafe because it reads the queue across tenants on purpose: it is the operator's view.
 */
export async function unsafeGetIngestionOverview(
  options: { now?: Date; tenantId?: string; thresholds?: HealthThresholds; db?: Db } = {},
): Promise<IngestionOverview> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const tenantId = isUuid(options.tenantId) ? options.tenantId : undefined;
  const scope = tenantId ? Prisma.sql`AND j."tenantId" = ${tenantId}::uuid` : Prisma.empty;
  const [statusRows, kindRows, queueRows, series] = await Promise.all([
    db.$queryRaw<StatusRow[]>`
      SELECT t.id AS "tenantId", t.slug, t.name, j.status::text AS status, count(*)::int AS n
        FROM "IngestionJob" j JOIN "Tenant" t ON t.id = j."tenantId"
       WHERE true ${scope}
       GROUP BY t.id, t.slug, t.name, j.status`,
    db.$queryRaw<KindRow[]>`
      SELECT j.kind, j.status::text AS status, count(*)::int AS n,
             min(j."nextAttemptAt") FILTER (WHERE j.status = 'PENDING' AND j."nextAttemptAt" <= ${now}::timestamp(3)) AS "oldestDue"
        FROM "IngestionJob" j
       WHERE true ${scope}
       GROUP BY j.kind, j.status`,
    db.$queryRaw<QueueRow[]>`
      SELECT count(*) FILTER (WHERE j.status = 'PENDING' AND j."nextAttemptAt" <= ${now}::timestamp(3))::int AS "dueNow",
             min(j."nextAttemptAt") FILTER (WHERE j.status = 'PENDING' AND j."nextAttemptAt" <= ${now}::timestamp(3)) AS "oldestDue",
             count(*) FILTER (WHERE j.status = 'PROCESSING' AND j."leaseExpiresAt" < ${now}::timestamp(3))::int AS "expiredLeases",
             count(*) FILTER (WHERE j.status = 'DEAD_LETTERED')::int AS "deadNow"
        FROM "IngestionJob" j
       WHERE j.status IN ('PENDING', 'PROCESSING', 'DEAD_LETTERED') ${scope}`,
    readThroughputSeries(db, { now, tenantId }),
  ]);
  const byTenantMap = new Map<string, TenantJobCounts>();
  for (const r of statusRows) {
    const entry = byTenantMap.get(r.tenantId) ?? {
      tenantId: r.tenantId,
      slug: r.slug,
      name: r.name,
      PENDING: 0,
      PROCESSING: 0,
      COMPLETED: 0,
      DEAD_LETTERED: 0,
    };
    entry[r.status] = r.n;
    byTenantMap.set(r.tenantId, entry);
  }
  const byKindMap = new Map<string, KindJobCounts>();
  for (const r of kindRows) {
    const entry = byKindMap.get(r.kind) ?? { kind: r.kind, PENDING: 0, PROCESSING: 0, COMPLETED: 0, DEAD_LETTERED: 0, oldestDueAgeSeconds: null };
    entry[r.status] = r.n;
    if (r.oldestDue) entry.oldestDueAgeSeconds = Math.max(0, (now.getTime() - r.oldestDue.getTime()) / 1000);
    byKindMap.set(r.kind, entry);
  }
  const q = queueRows[0] ?? { dueNow: 0, oldestDue: null, expiredLeases: 0, deadNow: 0 };
  const lastHour = series.deadLetteredPerHour.at(-1) ?? 0;
  const base = {
    ...series,
    generatedAt: now,
    thresholds: options.thresholds ?? healthThresholdsFromEnv(),
    byTenant: [...byTenantMap.values()].sort((a, b) => a.name.localeCompare(b.name)),
    byKind: [...byKindMap.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    dueNow: q.dueNow,
    oldestDue: q.oldestDue ? { nextAttemptAt: q.oldestDue, ageSeconds: Math.max(0, (now.getTime() - q.oldestDue.getTime()) / 1000) } : null,
    expiredLeases: q.expiredLeases,
    deadLetters: { current: q.deadNow, newLastHour: lastHour, newLastDay: series.deadLetteredPerHour.reduce((a, b) => a + b, 0) },
  };
  return { ...base, warnings: buildWarnings(base) };
}
