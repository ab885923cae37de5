import { z } from "zod";
import type { Db } from "@real-estate/db";
import { Prisma } from "@real-estate/db";

/** Which dead letters an operator means. Every field is optional; all given fields must match. */
export type DeadLetterFilter = {
  /** Tenant slug or tenant id. */
  tenant?: string;
  /** Job kind, e.g. "website-event" or "email.deliver". */
  kind?: string;
  /** Event type, e.g. "lead.submitted" (for other kinds, the kind). */
  eventType?: string;
  /** Case-insensitive substring of the last error. */
  error?: string;
  /** Dead-lettered at or after this instant. */
  since?: Date;
  /** Dead-lettered before this instant. */
  until?: Date;
};

export const ZDeadLetterFilter = z
  .object({
    tenant: z.string().trim().min(1).max(200).optional(),
    kind: z.string().trim().min(1).max(64).optional(),
    eventType: z.string().trim().min(1).max(100).optional(),
    error: z.string().min(1).max(500).optional(),
    since: z.date().optional(),
    until: z.date().optional(),
  })
  .strict();

/** The filter names a tenant that does not exist: refused rather than silently matching nothing. */
export class UnknownTenantFilterError extends Error {
  constructor(readonly tenant: string) {
    super(`unknown tenant "${tenant}" (give a tenant slug or id)`);
    this.name = "UnknownTenantFilterError";
  }
}

export type ResolvedDeadLetterFilter = Omit<DeadLetterFilter, "tenant"> & { tenantId?: string; tenantSlug?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates the filter and resolves a tenant slug or id to the tenant's id. */
export async function resolveDeadLetterFilter(db: Db, filter: DeadLetterFilter = {}): Promise<ResolvedDeadLetterFilter> {
  const { tenant, ...rest } = ZDeadLetterFilter.parse(filter);
  if (!tenant) return rest;
  const found = await db.tenant.findFirst({
    where: UUID.test(tenant) ? { OR: [{ id: tenant.toLowerCase() }, { slug: tenant }] } : { slug: tenant },
    select: { id: true, slug: true },
  });
  if (!found) throw new UnknownTenantFilterError(tenant);
  return { ...rest, tenantId: found.id, tenantSlug: found.slug };
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL condition (alias `j` for "IngestionJob") selecting the dead letters a filter means. */
export function deadLetterWhere(filter: ResolvedDeadLetterFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`j.status = 'DEAD_LETTERED'`];
  if (filter.tenantId) parts.push(Prisma.sql`j."tenantId" = ${filter.tenantId}::uuid`);
  if (filter.kind) parts.push(Prisma.sql`j.kind = ${filter.kind}`);
  if (filter.eventType) parts.push(Prisma.sql`j."eventType" = ${filter.eventType}`);
  if (filter.error) parts.push(Prisma.sql`j."lastError" ILIKE ${likePattern(filter.error)}`);
  if (filter.since) parts.push(Prisma.sql`j."deadLetteredAt" >= ${filter.since}::timestamp(3)`);
  if (filter.until) parts.push(Prisma.sql`j."deadLetteredAt" < ${filter.until}::timestamp(3)`);
  return Prisma.join(parts, " AND ");
}

/** The filter as stored in an audit row (dates as ISO strings, tenant by id and slug). */
export function describeFilterForAudit(filter: ResolvedDeadLetterFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.tenantId) out.tenantId = filter.tenantId;
  if (filter.tenantSlug) out.tenant = filter.tenantSlug;
  if (filter.kind) out.kind = filter.kind;
  if (filter.eventType) out.eventType = filter.eventType;
  if (filter.error) out.error = filter.error;
  if (filter.since) out.since = filter.since.toISOString();
  if (filter.until) out.until = filter.until.toISOString();
  return out;
}
