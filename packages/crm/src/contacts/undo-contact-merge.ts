import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { mirrorPrimaries, promoteMissingPrimaries } from "./contact-identities";
import type { CrmActor } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { lockContacts, type MergeAuditDetail } from "./merge-contacts";

export type UndoContactMergeResult =
  { ok: true; survivorId: string; restoredId: string; auditLogId: string } | { ok: false; error: "not_found" | "already_undone" | "contact_gone" };

async function moveBack(tx: DbTx, tenantId: string, d: MergeAuditDetail) {
  const { survivorId, absorbedId, moved } = d;
  await tx.$executeRaw`
    UPDATE "ContactEmail" SET "contactId" = ${absorbedId}::uuid, "isPrimary" = (id = ANY(${d.absorbedPrimaries.emails}::uuid[]))
     WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${survivorId}::uuid AND id = ANY(${moved.emails}::uuid[])`;
  await tx.$executeRaw`
    UPDATE "ContactPhone" SET "contactId" = ${absorbedId}::uuid, "isPrimary" = (id = ANY(${d.absorbedPrimaries.phones}::uuid[]))
     WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${survivorId}::uuid AND id = ANY(${moved.phones}::uuid[])`;
  await tx.$executeRaw`
    UPDATE "Lead" SET "contactId" = ${absorbedId}::uuid, version = version + 1
     WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${survivorId}::uuid AND id = ANY(${moved.leads}::uuid[])`;
  await tx.$executeRaw`
    UPDATE "Activity" SET "contactId" = ${absorbedId}::uuid
     WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${survivorId}::uuid AND id = ANY(${moved.activities}::uuid[])`;
  await tx.$executeRaw`
    UPDATE "IngestedEvent" SET "contactId" = ${absorbedId}::uuid
     WHERE "tenantId" = ${tenantId}::uuid AND "leadId" = ANY(${moved.leads}::uuid[])`;
}

/**
 * Undoes a merge recorded in the audit trail (`contact.merged`): the merged-away contact comes
 * back with the leads, timeline entries, e-mails and phones that were moved (those still on the
 * survivor), and the survivor's fields that the merge filled are cleared again when unchanged
 * since. What happened to the survivor after the merge stays with it. Writes `contact.merge_undone`.
 */
export async function undoContactMerge(options: { tenantId: string; auditLogId: string; actor: CrmActor; db?: Db }): Promise<UndoContactMergeResult> {
  const db = options.db ?? getDb();
  const { tenantId, auditLogId } = options;
  if (!isUuid(auditLogId)) return { ok: false, error: "not_found" };
  return db.$transaction(async (tx) => {
    const audit = await tx.tenantAuditLog.findFirst({ where: { tenantId, id: auditLogId, action: "contact.merged" }, select: { detail: true } });
    if (!audit) return { ok: false, error: "not_found" } as const;
    const d = audit.detail as MergeAuditDetail;
    const locked = await lockContacts(tx, tenantId, [d.survivorId, d.absorbedId]);
    const survivor = locked.get(d.survivorId);
    const absorbed = locked.get(d.absorbedId);
    if (!survivor || !absorbed) return { ok: false, error: "contact_gone" } as const;
    if (absorbed.mergedIntoId !== d.survivorId) return { ok: false, error: "already_undone" } as const;
    await moveBack(tx, tenantId, d);
    const cleared = d.filledFields.filter((f) => survivor[f as "firstName"] === absorbed[f as "firstName"]);
    await tx.contact.update({
      where: { tenantId_id: { tenantId, id: d.survivorId } },
      data: { ...Object.fromEntries(cleared.map((f) => [f, null])), version: { increment: 1 } },
    });
    await promoteMissingPrimaries(tx, tenantId, d.survivorId);
    await tx.contact.update({
      where: { tenantId_id: { tenantId, id: d.absorbedId } },
      data: { mergedIntoId: null, mergedAt: null, version: { increment: 1 } },
    });
    await mirrorPrimaries(tx, tenantId, d.absorbedId);
    await promoteMissingPrimaries(tx, tenantId, d.absorbedId);
    const undo = await tx.tenantAuditLog.create({
      data: {
        tenantId,
        actorUserId: options.actor.userId,
        action: "contact.merge_undone",
        entityType: "Contact",
        entityId: d.absorbedId,
        detail: { mergeAuditLogId: auditLogId, survivorId: d.survivorId, restoredId: d.absorbedId },
      },
      select: { id: true },
    });
    for (const contactId of [d.survivorId, d.absorbedId]) {
      await tx.activity.create({
        data: {
          tenantId,
          contactId,
          type: "CONTACT_MERGED",
          actorUserId: options.actor.userId,
          title: "Merge undone: the two contacts are separate again",
          metadata: { mergeAuditLogId: auditLogId, auditLogId: undo.id },
        },
      });
    }
    return { ok: true, survivorId: d.survivorId, restoredId: d.absorbedId, auditLogId: undo.id } as const;
  });
}
