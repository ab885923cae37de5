import type { Db } from "@real-estate/db";
import { getDb, Prisma } from "@real-estate/db";
import { StudioValidationError } from "../shared/errors";
import { decodeOutboxCursor, encodeOutboxCursor, type EmailStatusData, type OutboxQuery } from "./outbox-query";

/**
 * One outbox message as the studio lists it (no bodies: subjects, addresses and the SMTP answer).
 * The platform's own mail (`PlatformEmail`, e.g. an operator's password reset) has no tenant:
 * `tenantId` and `tenantSlug` are null.
 */
export type OutboxMessage = {
  tenantId: string | null;
  tenantSlug: string | null;
  id: string;
  template: string;
  category: string;
  toAddress: string;
  subject: string;
  messageId: string;
  status: EmailStatusData;
  attempts: number;
  smtpCode: number | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
  /** The delivery job's state (DEAD_LETTERED for a failed message that can be re-sent). */
  jobStatus: string | null;
};

/**
 * The outbox, newest first, of one tenant, of the platform's own mail (`platform`), or of
 * everything (operator view: every tenant's and the platform's), filtered by status, 50 a page
 * by default with a keyset cursor over (createdAt, id) across both tables.
 */
export async function listOutboxMessages(options: OutboxQuery & { db?: Db }): Promise<{ items: OutboxMessage[]; nextCursor: string | null }> {
  const db = options.db ?? getDb();
  const after = options.cursor ? decodeOutboxCursor(options.cursor) : null;
  if (options.cursor && !after) throw new StudioValidationError({ cursor: ["That page link is not valid."] });
  if (options.tenantId && options.platform) throw new StudioValidationError({ tenant: ["Choose a tenant or the platform, not both."] });
  const tenantWhere = [Prisma.sql`TRUE`];
  const platformWhere = [Prisma.sql`TRUE`];
  if (options.tenantId) tenantWhere.push(Prisma.sql`m."tenantId" = ${options.tenantId}::uuid`);
  if (options.status) {
    tenantWhere.push(Prisma.sql`m.status = ${options.status}::"EmailStatus"`);
    platformWhere.push(Prisma.sql`p.status = ${options.status}::"EmailStatus"`);
  }
  if (after) {
    tenantWhere.push(Prisma.sql`(m."createdAt", m.id) < (${after.createdAt}::timestamp(3), ${after.id}::uuid)`);
    platformWhere.push(Prisma.sql`(p."createdAt", p.id) < (${after.createdAt}::timestamp(3), ${after.id}::uuid)`);
  }
  const limit = options.limit + 1;
  const tenantRows = Prisma.sql`
    SELECT m."tenantId"::text AS "tenantId", t.slug AS "tenantSlug", m.id AS uid, m.template, m.category, m."toAddress", m.subject,
           m."messageId", m.status::text AS status, m.attempts, m."smtpCode", m."lastError", m."createdAt", m."sentAt", m."failedAt",
           (SELECT j.status::text FROM "IngestionJob" j
             WHERE j."tenantId" = m."tenantId" AND j.kind = 'email.deliver' AND j."eventId" = m.id::text LIMIT 1) AS "jobStatus"
      FROM "EmailMessage" m JOIN "Tenant" t ON t.id = m."tenantId"
     WHERE ${Prisma.join(tenantWhere, " AND ")}
     ORDER BY m."createdAt" DESC, m.id DESC
     LIMIT ${limit}`;
  // Platform mail is sent by its own sender (no queue job) and is always transactional.
  const platformRows = Prisma.sql`
    SELECT NULL::text AS "tenantId", NULL::text AS "tenantSlug", p.id AS uid, p.template, 'transactional' AS category, p."toAddress", p.subject,
           p."messageId", p.status::text AS status, p.attempts, p."smtpCode", p."lastError", p."createdAt", p."sentAt", p."failedAt",
           NULL::text AS "jobStatus"
      FROM "PlatformEmail" p
     WHERE ${Prisma.join(platformWhere, " AND ")}
     ORDER BY p."createdAt" DESC, p.id DESC
     LIMIT ${limit}`;
  const source = options.tenantId ? tenantRows : options.platform ? platformRows : Prisma.sql`(${tenantRows}) UNION ALL (${platformRows})`;
  const rows = await db.$queryRaw<(Omit<OutboxMessage, "id"> & { uid: string; id?: string })[]>`
    SELECT x.*, x.uid::text AS id FROM (${source}) x ORDER BY x."createdAt" DESC, x.uid DESC LIMIT ${limit}`;
  const items: OutboxMessage[] = rows.slice(0, options.limit).map(({ uid: _uid, ...row }) => ({ ...row, id: row.id! }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > options.limit && last ? encodeOutboxCursor(last) : null };
}
