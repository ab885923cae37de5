import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { listContactQueueJobs, listMergedContactIds, listPersonIdentities } from "./list-contact-queue-jobs";

export type EraseContactResult =
  | { erased: false }
  | {
      erased: true;
      auditLogId: string;
      counts: { leads: number; activities: number; queueJobs: number; ingestedEvents: number; visitors: number; auditRowsRedacted: number };
    };

const REDACTED = JSON.stringify({ redacted: "personal data erased" });

/** Replaces operator audit JSON of this tenant (and re-drive filters) that mention the person. */
async function redactPlatformAudit(tx: DbTx, tenantId: string, needles: string[]): Promise<number> {
  let n = 0;
  for (const needle of needles) {
    n += await tx.$executeRawUnsafe(
      `UPDATE "OperatorAuditLog" SET "before" = CASE WHEN position($2 in lower(COALESCE("before"::text, ''))) > 0 THEN $3::jsonb ELSE "before" END,
              "after" = CASE WHEN position($2 in lower(COALESCE("after"::text, ''))) > 0 THEN $3::jsonb ELSE "after" END
        WHERE "tenantId" = $1::uuid AND position($2 in lower(COALESCE("before"::text, '') || COALESCE("after"::text, ''))) > 0`,
      tenantId,
      needle,
      REDACTED,
    );
    n += await tx.$executeRawUnsafe(`UPDATE "RedriveAudit" SET filter = $2::jsonb WHERE position($1 in lower(filter::text)) > 0`, needle, REDACTED);
  }
  return n;
}

async function eraseInTransaction(tx: DbTx, options: { tenantId: string; contactId: string; actorUserId: string }): Promise<EraseContactResult> {
  const { tenantId, contactId } = options;
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND id = ${contactId}::uuid FOR UPDATE`;
  if (!locked.length) return { erased: false };
  // The person is the contact and every contact merged into it; all their e-mails and phones.
  const contactIds = await listMergedContactIds(tx, tenantId, contactId);
  const person = await listPersonIdentities(tx, tenantId, contactIds);
  // Jobs first, with row locks: a worker holding one of them commits before we go on, so the
  // contact it may have written is seen (and removed) by the statements below.
  const jobs = await listContactQueueJobs({ tenantId, contactIds, ...person, db: tx, lockRows: true });
  const jobIds = jobs.map((j) => BigInt(j.id));
  // The ledger keeps a row (no personal data) for every event of the person, marked erased, so a
  // replay of the same eventId is recognised and its payload is not stored again.
  await tx.$executeRaw`
    INSERT INTO "IngestedEvent" ("tenantId", "eventId", "eventType", "requestHash", "processedAt")
    SELECT "tenantId", "eventId", "eventType", "requestHash", now() FROM "IngestionJob"
     WHERE "tenantId" = ${tenantId}::uuid AND id = ANY(${jobIds}::bigint[]) AND kind = 'website-event'
    ON CONFLICT ("tenantId", "eventId") DO NOTHING`;
  const queueJobs = jobIds.length ? await tx.$executeRaw`DELETE FROM "IngestionJob" WHERE "tenantId" = ${tenantId}::uuid AND id = ANY(${jobIds}::bigint[])` : 0;
  const ingestedEvents = await tx.$executeRaw`
    UPDATE "IngestedEvent" SET "contactId" = NULL, "leadId" = NULL, "activityId" = NULL, "erasedAt" = now()
     WHERE "tenantId" = ${tenantId}::uuid AND ("contactId" = ANY(${contactIds}::uuid[]) OR "eventId" = ANY(${jobs.filter((j) => j.kind === "website-event").map((j) => j.eventId)}::text[]))`;
  const leads = await tx.lead.count({ where: { tenantId, contactId: { in: contactIds } } });
  const activities = await tx.activity.count({ where: { tenantId, contactId: { in: contactIds } } });
  const visitors = await tx.$executeRaw`
    DELETE FROM "Visitor" WHERE "tenantId" = ${tenantId}::uuid AND (lower(email) = ANY(${person.emails}::text[]) OR phone = ANY(${person.phones}::text[]))`;
  // Outgoing e-mails to the person or about them (a new-lead alert quotes them) go too.
  await tx.$executeRaw`
    DELETE FROM "EmailMessage" WHERE "tenantId" = ${tenantId}::uuid
       AND ("contactId" = ANY(${contactIds}::uuid[]) OR lower("toAddress") = ANY(${person.emails}::text[])
            OR "leadId" IN (SELECT id FROM "Lead" WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ANY(${contactIds}::uuid[])))`;
  // Leads, activities, e-mails and phones go with the contacts (ON DELETE CASCADE).
  await tx.$executeRaw`DELETE FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND id = ANY(${contactIds}::uuid[])`;
  const needles = [...person.emails, ...person.phones.map((p) => p.toLowerCase())];
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
 * ingestion ledger keeps a row per event of the person, without the links and marked erased. Leaves one TenantAuditLog row
 * (`contact.erased`, counts only, no personal data). `{ erased: false }` when the contact is
 * missing or another tenant's. One transaction: all or nothing.
 */
export async function eraseContact(options: { tenantId: string; contactId: string; actorUserId: string; db?: Db }): Promise<EraseContactResult> {
  const db = options.db ?? getDb();
  return db.$transaction((tx) => eraseInTransaction(tx, options), { timeout: 60_000, maxWait: 10_000 });
}
