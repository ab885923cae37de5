import type { Db, DbTx } from "@real-estate/db";

export type ContactQueueJob = {
  id: string;
  /** The job's kind (decision 0010); only "website-event" jobs have a ledger row. */
  kind: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  completedAt: Date | null;
  deadLetteredAt: Date | null;
  payload: unknown;
};

/** Digits of E.164 numbers with and without a North American country code, for matching raw phones. */
function phoneDigitVariants(phones: string[]): string[] {
  return phones.flatMap((phone) => {
    const digits = phone.replace(/\D/g, "");
    return digits.length === 11 && digits.startsWith("1") ? [digits, digits.slice(1)] : [digits];
  });
}

/** Every e-mail and phone a contact holds, with those of the contacts merged into it (for privacy requests). */
export async function listPersonIdentities(db: Db | DbTx, tenantId: string, contactIds: string[]): Promise<{ emails: string[]; phones: string[] }> {
  const [emails, phones] = await Promise.all([
    db.contactEmail.findMany({ where: { tenantId, contactId: { in: contactIds } }, select: { email: true } }),
    db.contactPhone.findMany({ where: { tenantId, contactId: { in: contactIds } }, select: { phone: true } }),
  ]);
  return { emails: [...new Set(emails.map((e) => e.email.toLowerCase()))], phones: [...new Set(phones.map((p) => p.phone))] };
}

/** The contact and every contact merged into it, directly or through earlier merges. */
export async function listMergedContactIds(db: Db | DbTx, tenantId: string, contactId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE family AS (
      SELECT id FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND id = ${contactId}::uuid
      UNION SELECT c.id FROM "Contact" c JOIN family f ON c."tenantId" = ${tenantId}::uuid AND c."mergedIntoId" = f.id
    ) SELECT id::text AS id FROM family`;
  return rows.map((r) => r.id);
}

/**
 * The tenant's queue jobs (pending, completed and dead-lettered) that concern a person: the
 * ledger links them to one of the contacts, or their payload mentions one of the person's
 * e-mails (anywhere, case-insensitively), E.164 phones, or a raw phone with the same digits.
 * `lockRows` takes row locks (for erasure, so a worker holding a job finishes first).
 */
export async function listContactQueueJobs(options: {
  tenantId: string;
  contactIds: string[];
  emails: string[];
  phones: string[];
  db: Db | DbTx;
  lockRows?: boolean;
}): Promise<ContactQueueJob[]> {
  const { tenantId, db } = options;
  const emails = options.emails.map((e) => e.toLowerCase());
  const digits = phoneDigitVariants(options.phones);
  const rows = await db.$queryRawUnsafe<(Omit<ContactQueueJob, "id"> & { id: bigint })[]>(
    `SELECT id, kind, "eventId", "eventType", status::text AS status, attempts, "lastError", "createdAt", "completedAt", "deadLetteredAt", payload
       FROM "IngestionJob"
      WHERE "tenantId" = $1::uuid AND (
            (kind = 'website-event' AND "eventId" IN (SELECT "eventId" FROM "IngestedEvent" WHERE "tenantId" = $1::uuid AND "contactId" = ANY($2::uuid[])))
         OR EXISTS (SELECT 1 FROM unnest($3::text[]) AS e WHERE position(e in lower(payload::text)) > 0)
         OR EXISTS (SELECT 1 FROM unnest($4::text[]) AS p WHERE position(p in payload::text) > 0)
         OR regexp_replace(COALESCE(payload #>> '{payload,contact,phone}', ''), '\\D', '', 'g') = ANY($5::text[]))
      ORDER BY id${options.lockRows ? " FOR UPDATE" : ""}`,
    tenantId,
    options.contactIds,
    emails,
    options.phones,
    digits,
  );
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
