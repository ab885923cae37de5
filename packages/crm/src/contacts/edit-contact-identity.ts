import type { DbTx } from "@real-estate/db";
import { contactSelect, type ContactRow, type CrmActor } from "../shared/crm-selects";
import type { DuplicateMatch } from "./find-duplicate-contact";

/** What adding, removing or promoting one of a contact's e-mails or phones answers. */
export type ContactIdentityEditResult =
  | { ok: true; contact: ContactRow; changed: boolean }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "invalid"; fields: Record<string, string> }
  /** `expectedVersion` is not the contact's version: someone changed it since; `contact` is how it is now. */
  | { ok: false; error: "version_mismatch"; contact: ContactRow }
  /** The contact would have no e-mail and no phone left. */
  | { ok: false; error: "last_identity" }
  | ({ ok: false; error: "duplicate" } & DuplicateMatch);

/**
 * Row-locks a live contact for an identity edit and checks the version the editor read: the
 * contact as it is, or the answer to give instead.
 */
export async function lockContactForEdit(
  tx: DbTx,
  tenantId: string,
  contactId: string,
  expectedVersion: number | undefined,
): Promise<{ ok: true; contact: ContactRow } | Extract<ContactIdentityEditResult, { error: "not_found" | "version_mismatch" }>> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND id = ${contactId}::uuid AND "mergedIntoId" IS NULL FOR UPDATE`;
  if (!locked.length) return { ok: false, error: "not_found" };
  const contact = await tx.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: contactId } }, select: contactSelect });
  if (expectedVersion !== undefined && expectedVersion !== contact.version) return { ok: false, error: "version_mismatch", contact };
  return { ok: true, contact };
}

/** Bumps the contact's version, records the change on its timeline and answers the contact as it is now. */
export async function finishIdentityEdit(tx: DbTx, tenantId: string, contactId: string, actor: CrmActor, title: string, metadata: Record<string, unknown>) {
  await tx.contact.update({ where: { tenantId_id: { tenantId, id: contactId } }, data: { version: { increment: 1 } } });
  await tx.activity.create({
    data: {
      tenantId,
      contactId,
      type: "CONTACT_UPDATED",
      actorUserId: actor.userId,
      title,
      metadata: { ...metadata, ...(actor.apiKeyId && { apiKeyId: actor.apiKeyId }) },
    },
  });
  const contact = await tx.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: contactId } }, select: contactSelect });
  return { ok: true as const, contact, changed: true };
}
