import type { Db } from "@real-estate/db";
import { getDb, Prisma } from "@real-estate/db";
import { StudioValidationError } from "../shared/errors";
import { decodeOutboxCursor, encodeOutboxCursor, type EmailStatusData, type OutboxQuery } from "./outbox-query";

/** One outbox message as the studio lists it (no bodies: subjects, addresses and the SMTP answer). */
export type OutboxMessage = {
  tenantId: string;
  tenantSlug: string;
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
 * The outbox, newest first, of one tenant or of the whole platform (operator view), filtered by
 * status, 50 a page by default with a keyset cursor.
 */
export async function listOutboxMessages(options: OutboxQuery & { db?: Db }): Promise<{ items: OutboxMessage[]; nextCursor: string | null }> {
  const db = options.db ?? getDb();
  const after = options.cursor ? decodeOutboxCursor(options.cursor) : null;
  if (options.cursor && !after) throw new StudioValidationError({ cursor: ["That page link is not valid."] });
  const where = [Prisma.sql`TRUE`];
  if (options.tenantId) where.push(Prisma.sql`m."tenantId" = ${options.tenantId}::uuid`);
  if (options.status) where.push(Prisma.sql`m.status = ${options.status}::"EmailStatus"`);
  if (after) where.push(Prisma.sql`(m."createdAt", m.id) < (${after.createdAt}::timestamp(3), ${after.id}::uuid)`);
  const rows = await db.$queryRaw<OutboxMessage[]>`
    SELECT m."tenantId"::text AS "tenantId", t.slug AS "tenantSlug", m.id::text AS id, m.template, m.category, m."toAddress", m.subject,
           m."messageId", m.status::text AS status, m.attempts, m."smtpCode", m."lastError", m."createdAt", m."sentAt", m."failedAt",
           (SELECT j.status::text FROM "IngestionJob" j
             WHERE j."tenantId" = m."tenantId" AND j.kind = 'email.deliver' AND j."eventId" = m.id::text LIMIT 1) AS "jobStatus"
      FROM "EmailMessage" m JOIN "Tenant" t ON t.id = m."tenantId"
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY m."createdAt" DESC, m.id DESC
     LIMIT ${options.limit + 1}`;
  const items = rows.slice(0, options.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > options.limit && last ? encodeOutboxCursor(last) : null };
}
