import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { promoteMissingPrimaries } from "./contact-identities";
import type { CrmActor } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";

/** Why two contacts were merged: a website event that linked them, or a person's decision. */
export type MergeReason = { kind: "ingestion"; eventId: string } | { kind: "manual" };

/** What the audit row of a merge holds: ids and field names only (no personal data), enough to undo it. */
export type MergeAuditDetail = {
  survivorId: string;
  absorbedId: string;
  reason: MergeReason;
  moved: { leads: string[]; activities: string[]; emails: string[]; phones: string[] };
  /** Identity rows that were primary on the absorbed contact. */
  absorbedPrimaries: { emails: string[]; phones: string[] };
  /** Survivor fields that were blank and were filled from the absorbed contact. */
  filledFields: string[];
};

export type MergeContactsResult =
  | { ok: true; survivorId: string; absorbedId: string; auditLogId: string; moved: { leads: number; activities: number; emails: number; phones: number } }
  | { ok: false; error: "not_found" | "same_contact" | "already_merged" }
  /** `expectedVersion` is not the survivor's version: someone changed it since; nothing was merged. */
  | { ok: false; error: "version_mismatch"; survivorVersion: number };

const FILLABLE = ["firstName", "lastName", "notes"] as const;
type LockedContact = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  notes: string | null;
  email: string | null;
  phone: string | null;
  mergedIntoId: string | null;
  version: number;
};

export async function lockContacts(tx: DbTx, tenantId: string, ids: string[]): Promise<Map<string, LockedContact>> {
  const rows = await tx.$queryRaw<LockedContact[]>`
    SELECT id::text AS id, "firstName", "lastName", notes, email, phone, "mergedIntoId"::text AS "mergedIntoId", version FROM "Contact"
     WHERE "tenantId" = ${tenantId}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((r) => [r.id, r]));
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

async function moveOwnedRows(tx: DbTx, tenantId: string, from: string, to: string) {
  const emails = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "ContactEmail" SET "contactId" = ${to}::uuid, "isPrimary" = false
     WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${from}::uuid RETURNING id::text AS id`;
  // A number both contacts hold stays on the merged-away contact (the survivor already has it).
  const phones = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "ContactPhone" p SET "contactId" = ${to}::uuid, "isPrimary" = false
     WHERE p."tenantId" = ${tenantId}::uuid AND p."contactId" = ${from}::uuid
       AND NOT EXISTS (SELECT 1 FROM "ContactPhone" s WHERE s."tenantId" = ${tenantId}::uuid AND s."contactId" = ${to}::uuid AND s.phone = p.phone)
    RETURNING id::text AS id`;
  const leads = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Lead" SET "contactId" = ${to}::uuid, version = version + 1
     WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${from}::uuid RETURNING id::text AS id`;
  const activities = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Activity" SET "contactId" = ${to}::uuid
     WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${from}::uuid RETURNING id::text AS id`;
  await tx.$executeRaw`UPDATE "IngestedEvent" SET "contactId" = ${to}::uuid WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${from}::uuid`;
  return { leads: ids(leads), activities: ids(activities), emails: ids(emails), phones: ids(phones) };
}

function displayName(c: LockedContact): string {
  return [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || c.phone || "a contact";
}

/**
 * Merges `absorbedId` into `survivorId` inside the caller's transaction: its leads, activities,
 * e-mails and phones move to the survivor, the survivor's blank name and notes are filled from
 * it, and it stays behind marked merged (hidden from lists and matching) so the merge can be
 * undone from the audit row this writes (`contact.merged`, ids and field names only).
 */
export async function mergeContactsInTx(
  tx: DbTx,
  options: {
    tenantId: string;
    survivorId: string;
    absorbedId: string;
    actor: CrmActor | null;
    reason: MergeReason;
    now?: Date;
    /** The survivor's version the merging person read (If-Match); undefined: no condition. */
    expectedVersion?: number;
  },
): Promise<MergeContactsResult> {
  const { tenantId, survivorId, absorbedId, reason } = options;
  const now = options.now ?? new Date();
  if (survivorId === absorbedId) return { ok: false, error: "same_contact" };
  const locked = await lockContacts(tx, tenantId, [survivorId, absorbedId]);
  const survivor = locked.get(survivorId);
  const absorbed = locked.get(absorbedId);
  if (!survivor || !absorbed) return { ok: false, error: "not_found" };
  if (survivor.mergedIntoId || absorbed.mergedIntoId) return { ok: false, error: "already_merged" };
  if (options.expectedVersion !== undefined && options.expectedVersion !== survivor.version)
    return { ok: false, error: "version_mismatch", survivorVersion: survivor.version };
  const absorbedPrimaries = {
    emails: ids(
      await tx.$queryRaw<
        { id: string }[]
      >`SELECT id::text AS id FROM "ContactEmail" WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${absorbedId}::uuid AND "isPrimary"`,
    ),
    phones: ids(
      await tx.$queryRaw<
        { id: string }[]
      >`SELECT id::text AS id FROM "ContactPhone" WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${absorbedId}::uuid AND "isPrimary"`,
    ),
  };
  // The absorbed contact's e-mail column is unique per tenant: free it before the survivor may take it.
  await tx.contact.update({
    where: { tenantId_id: { tenantId, id: absorbedId } },
    data: { email: null, mergedIntoId: survivorId, mergedAt: now, version: { increment: 1 } },
  });
  const moved = await moveOwnedRows(tx, tenantId, absorbedId, survivorId);
  const filledFields = FILLABLE.filter((f) => !survivor[f] && absorbed[f]);
  await tx.contact.update({
    where: { tenantId_id: { tenantId, id: survivorId } },
    data: { ...Object.fromEntries(filledFields.map((f) => [f, absorbed[f]])), version: { increment: 1 } },
  });
  await promoteMissingPrimaries(tx, tenantId, survivorId);
  const detail: MergeAuditDetail = { survivorId, absorbedId, reason, moved, absorbedPrimaries, filledFields };
  const audit = await tx.tenantAuditLog.create({
    data: { tenantId, actorUserId: options.actor?.userId ?? null, action: "contact.merged", entityType: "Contact", entityId: survivorId, detail },
    select: { id: true },
  });
  const how = reason.kind === "ingestion" ? "a website event gave details of both" : "merged by hand";
  await tx.activity.create({
    data: {
      tenantId,
      contactId: survivorId,
      type: "CONTACT_MERGED",
      actorUserId: options.actor?.userId ?? null,
      occurredAt: now,
      title: `Merged with ${displayName(absorbed)} (${how})`,
      body: `Moved here: ${moved.leads.length} lead(s), ${moved.activities.length} timeline entries, ${moved.emails.length} e-mail(s), ${moved.phones.length} phone(s).`,
      metadata: { absorbedId, auditLogId: audit.id, reason },
      ...(reason.kind === "ingestion" ? { eventId: reason.eventId } : {}),
    },
  });
  const counts = { leads: moved.leads.length, activities: moved.activities.length, emails: moved.emails.length, phones: moved.phones.length };
  return { ok: true, survivorId, absorbedId, auditLogId: audit.id, moved: counts };
}

/** An owner's merge of two contacts of the tenant, in one transaction (see mergeContactsInTx). */
export async function mergeContacts(options: {
  tenantId: string;
  survivorId: string;
  absorbedId: string;
  actor: CrmActor;
  /** The survivor's version the owner read (If-Match); undefined: no condition. */
  expectedVersion?: number;
  db?: Db;
}): Promise<MergeContactsResult> {
  const db = options.db ?? getDb();
  if (!isUuid(options.survivorId) || !isUuid(options.absorbedId)) return { ok: false, error: "not_found" };
  return db.$transaction((tx) => mergeContactsInTx(tx, { ...options, reason: { kind: "manual" } }), { maxWait: 10_000, timeout: 30_000 });
}
