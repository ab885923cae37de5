import type { Db, DbTx } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { listContactQueueJobs } from "./list-contact-queue-jobs";

export type EraseContactResult =
  | { erased: false }
  | { erased: true; auditLogId: string; counts: { leads: number; activities: number; queueJobs: number; ingestedEvents: number; visitors: number; auditRowsRedacted: number } };

const REDACTED = JSON.stringify({ redacted: "personal data erased" });

/** Replaces operator audit JSON of this tenant (and re-drive filters) that mention the person. */
async function redactPlatformAudit(tx: DbTx, tenantId: string, needles: string[]): Promise<number> {
  let n = 0;
  for (const needle of needles) {
    n += await tx.$executeRawUnsafe(
      `UPDATE "OperatorAuditLog" SET "before" = CASE WHEN position($2 in lower(COALESCE("before"::text, ''))) > 0 THEN $3::jsonb ELSE "before" END,
              "after" = CASE WHEN position($2 in lower(COALESCE("after"::text, ''))) > 0 THEN $3::jsonb ELSE "after" END
        WHERE "tenantId" = $1::uuid AND position($2 in lower(COALESCE("before"::text, '') || COALESCE("after"::text, ''))) > 0`,
      tenantId, needle, REDACTED,
    );
    n += await tx.$executeRawUnsafe(`UPDATE "RedriveAudit" SET filter = $2::jsonb WHERE position($1 in lower(filter::text)) > 0`, needle, REDACTED);
  }
  return n;
}

async function eraseInTransaction(tx: DbTx, options: { tenantId: string; contactId: string; actorUserId: string }): Promise<EraseContactResult> {
  const { tenantId, contactId } = options;
  const locked = await tx.$queryRaw<{ email: string | null; phone: string | null }[]>`
    SELECT email, phone FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND id = ${contactId}::uuid FOR UPDATE`;
  const person = locked[0];
  if (!person) return { erased: false };
  // Jobs first, with row locks: a worker holding one of them commits before we go on, so the
  // contact it may have written is seen (and removed) by the statements below.
  const jobs = await listContactQueueJobs({ tenantId, contactId, email: person.email, phone: person.phone, db: tx, lockRows: true });
  const jobIds = jobs.map((j) => BigInt(j.id));
  const queueJobs = jobIds.length ? await tx.$executeRaw`DELETE FROM "IngestionJob" WHERE "tenantId" = ${tenantId}::uuid AND id = ANY(${jobIds}::bigint[])` : 0;
  // The ledger row stays (no personal data), so a replay of the same eventId stays a no-op;
  // its links to the erased rows go.
  const ingestedEvents = await tx.$executeRaw`
    UPDATE "IngestedEvent" SET "contactId" = NULL, "leadId" = NULL, "activityId" = NULL
     WHERE "tenantId" = ${tenantId}::uuid AND ("contactId" = ${contactId}::uuid OR "eventId" = ANY(${jobs.map((j) => j.eventId)}::text[]))`;
  const leads = await tx.lead.count({ where: { tenantId, contactId } });
  const activities = await tx.activity.count({ where: { tenantId, contactId } });
  const visitors = await tx.$executeRaw`
    DELETE FROM "Visitor" WHERE "tenantId" = ${tenantId}::uuid AND (lower(email) = lower(${person.email}::text) OR phone = ${person.phone}::text)`;
  // Leads and activities go with the contact (ON DELETE CASCADE).
  await tx.$executeRaw`DELETE FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND id = ${contactId}::uuid`;
  const needles = [person.email?.toLowerCase(), person.phone?.toLowerCase()].filter((n): n is string => Boolean(n));
  const auditRowsRedacted = await redactPlatformAudit(tx, tenantId, needles);
  const counts = { leads, activities, queueJobs, ingestedEvents, visitors, auditRowsRedacted };
  const audit = await tx.tenantAuditLog.create({
    data: { tenantId, actorUserId: options.actorUserId, action: "contact.erased", entityType: "Contact", entityId: contactId, detail: counts },
    select: { id: true },
  });
  return { erased: true, auditLogId: audit.id, counts };
}

/**
 * Erases a person from the tenant: the contact with its leads and activities, every queue job
 * and dead letter whose payload mentions the person's e-mail or phone, matching website
 * accounts (with their sessions and saved items), and mentions in operator audit JSON. The
 * ingestion ledger keeps its rows without the links. Leaves one TenantAuditLog row
 * (`contact.erased`, counts only, no personal data). `{ erased: false }` when the contact is
 * missing or another tenant's. One transaction: all or nothing.
 */
export async function eraseContact(options: { tenantId: string; contactId: string; actorUserId: string; db?: Db }): Promise<EraseContactResult> {
  const db = options.db ?? getDb();
  return db.$transaction((tx) => eraseInTransaction(tx, options), { timeout: 60_000, maxWait: 10_000 });
}
