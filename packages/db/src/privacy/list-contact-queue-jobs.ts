import type { Db, DbTx } from "../client/create-client";

export type ContactQueueJob = {
  id: string;
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

/** Digits of an E.164 number with and without a North American country code, for matching raw phones. */
function phoneDigitVariants(phone: string | null): string[] {
  if (!phone) return [];
  const digits = phone.replace(/\D/g, "");
  return digits.length === 11 && digits.startsWith("1") ? [digits, digits.slice(1)] : [digits];
}

/**
 * The tenant's queue jobs (pending, completed and dead-lettered) that concern a person: the
 * ledger links them to the contact, or their payload mentions the contact's e-mail (anywhere,
 * case-insensitively), its E.164 phone, or a raw phone with the same digits.
 * `lockRows` takes row locks (for erasure, so a worker holding a job finishes first).
 */
export async function listContactQueueJobs(options: {
  tenantId: string;
  contactId: string;
  email: string | null;
  phone: string | null;
  db: Db | DbTx;
  lockRows?: boolean;
}): Promise<ContactQueueJob[]> {
  const { tenantId, contactId, db } = options;
  const email = options.email?.toLowerCase() ?? null;
  const digits = phoneDigitVariants(options.phone);
  const rows = await db.$queryRawUnsafe<(Omit<ContactQueueJob, "id"> & { id: bigint })[]>(
    `SELECT id, "eventId", "eventType", status::text AS status, attempts, "lastError", "createdAt", "completedAt", "deadLetteredAt", payload
       FROM "IngestionJob"
      WHERE "tenantId" = $1::uuid AND (
            "eventId" IN (SELECT "eventId" FROM "IngestedEvent" WHERE "tenantId" = $1::uuid AND "contactId" = $2::uuid)
         OR ($3::text IS NOT NULL AND position($3::text in lower(payload::text)) > 0)
         OR ($4::text IS NOT NULL AND position($4::text in payload::text) > 0)
         OR regexp_replace(COALESCE(payload #>> '{payload,contact,phone}', ''), '\\D', '', 'g') = ANY($5::text[]))
      ORDER BY id${options.lockRows ? " FOR UPDATE" : ""}`,
    tenantId,
    contactId,
    email,
    options.phone,
    digits,
  );
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
