import type { Db } from "@real-estate/db";
import { getDb, Prisma } from "@real-estate/db";
import type { EmailStatusData } from "./outbox-query";

export type OutboxCounts = Record<EmailStatusData, number>;

export type OutboxTenantHealth = OutboxCounts & { tenantId: string; slug: string; name: string; oldestQueuedAgeSeconds: number | null };

export type OutboxHealth = {
  generatedAt: Date;
  totals: OutboxCounts;
  /** Age of the oldest message still QUEUED (waiting for delivery or a retry), in seconds. */
  oldestQueuedAgeSeconds: number | null;
  /** Messages that reached a final state in the last hour, by state. */
  lastHour: OutboxCounts;
  byTenant: OutboxTenantHealth[];
  /** The platform's own mail (no tenant's: an operator's password reset); null in one tenant's health. */
  platform: (OutboxCounts & { oldestQueuedAgeSeconds: number | null }) | null;
};

const zero = (): OutboxCounts => ({ QUEUED: 0, SENT: 0, FAILED: 0, SUPPRESSED: 0 });

type Row = { tenantId: string; slug: string; name: string; status: EmailStatusData; n: number; oldestQueued: Date | null; lastHour: number };

type PlatformRow = { status: EmailStatusData; n: number; oldestQueued: Date | null; lastHour: number };

/**
 * Outbox health of the whole platform (every tenant's mail and the platform's own), of one
 * tenant, or of the platform's own mail only (`platform`): messages by state, the oldest queued,
 * per tenant.
 */
export async function getOutboxHealth(options: { tenantId?: string; platform?: boolean; now?: Date; db?: Db } = {}): Promise<OutboxHealth> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const scope = options.tenantId ? Prisma.sql`m."tenantId" = ${options.tenantId}::uuid` : options.platform ? Prisma.sql`FALSE` : Prisma.sql`TRUE`;
  const platformRows = options.tenantId
    ? null
    : await db.$queryRaw<PlatformRow[]>`
        SELECT p.status::text AS status, count(*)::int AS n,
               min(p."createdAt") FILTER (WHERE p.status = 'QUEUED') AS "oldestQueued",
               count(*) FILTER (WHERE p."updatedAt" >= ${hourAgo}::timestamp(3) AND p.status <> 'QUEUED')::int AS "lastHour"
          FROM "PlatformEmail" p
         GROUP BY 1`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT m."tenantId"::text AS "tenantId", t.slug, t.name, m.status::text AS status, count(*)::int AS n,
           min(m."createdAt") FILTER (WHERE m.status = 'QUEUED') AS "oldestQueued",
           count(*) FILTER (WHERE m."updatedAt" >= ${hourAgo}::timestamp(3) AND m.status <> 'QUEUED')::int AS "lastHour"
      FROM "EmailMessage" m JOIN "Tenant" t ON t.id = m."tenantId"
     WHERE ${scope}
     GROUP BY 1, 2, 3, 4
     ORDER BY t.slug`;
  const totals = zero();
  const lastHour = zero();
  const tenants = new Map<string, OutboxTenantHealth>();
  let oldest: Date | null = null;
  const age = (d: Date | null) => (d ? Math.max(0, Math.round((now.getTime() - d.getTime()) / 1000)) : null);
  for (const r of rows) {
    totals[r.status] += r.n;
    lastHour[r.status] += r.lastHour;
    const t = tenants.get(r.tenantId) ?? { tenantId: r.tenantId, slug: r.slug, name: r.name, ...zero(), oldestQueuedAgeSeconds: null };
    t[r.status] += r.n;
    if (r.oldestQueued) {
      t.oldestQueuedAgeSeconds = age(r.oldestQueued);
      if (!oldest || r.oldestQueued < oldest) oldest = r.oldestQueued;
    }
    tenants.set(r.tenantId, t);
  }
  let platform: OutboxHealth["platform"] = null;
  if (platformRows) {
    platform = { ...zero(), oldestQueuedAgeSeconds: null };
    for (const r of platformRows) {
      totals[r.status] += r.n;
      lastHour[r.status] += r.lastHour;
      platform[r.status] += r.n;
      if (r.oldestQueued) {
        platform.oldestQueuedAgeSeconds = age(r.oldestQueued);
        if (!oldest || r.oldestQueued < oldest) oldest = r.oldestQueued;
      }
    }
  }
  return { generatedAt: now, totals, oldestQueuedAgeSeconds: age(oldest), lastHour, byTenant: [...tenants.values()], platform };
}
