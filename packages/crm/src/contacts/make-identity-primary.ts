import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { CrmActor } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { mirrorPrimaries } from "./contact-identities";
import { finishIdentityEdit, lockContactForEdit, type ContactIdentityEditResult } from "./edit-contact-identity";

/**
 * Makes one of a contact's e-mails or phones (by its id) the primary of its kind: the one lists,
 * search and exports show first; the old primary stays as another. With `expectedVersion`, a
 * contact changed since is not touched.
 */
export async function makeIdentityPrimary(options: {
  tenantId: string;
  contactId: string;
  identityId: string;
  actor: CrmActor;
  expectedVersion?: number;
  db?: Db;
}): Promise<ContactIdentityEditResult> {
  const db = options.db ?? getDb();
  const { tenantId, contactId, identityId } = options;
  if (!isUuid(contactId) || !isUuid(identityId)) return { ok: false, error: "not_found" };
  return db.$transaction(async (tx): Promise<ContactIdentityEditResult> => {
    const locked = await lockContactForEdit(tx, tenantId, contactId, options.expectedVersion);
    if (!locked.ok) return locked;
    const where = { tenantId, contactId };
    const email = await tx.contactEmail.findFirst({ where: { ...where, id: identityId }, select: { isPrimary: true } });
    const phone = email ? null : await tx.contactPhone.findFirst({ where: { ...where, id: identityId }, select: { isPrimary: true } });
    const found = email ?? phone;
    if (!found) return { ok: false, error: "not_found" };
    if (found.isPrimary) return { ok: true, contact: locked.contact, changed: false };
    if (email) {
      // The contact's own e-mail column is unique per tenant: clear it while the rows change.
      await tx.contact.update({ where: { tenantId_id: { tenantId, id: contactId } }, data: { email: null } });
      await tx.contactEmail.updateMany({ where, data: { isPrimary: false } });
      await tx.contactEmail.update({ where: { tenantId_id: { tenantId, id: identityId } }, data: { isPrimary: true } });
    } else {
      await tx.contactPhone.updateMany({ where, data: { isPrimary: false } });
      await tx.contactPhone.update({ where: { tenantId_id: { tenantId, id: identityId } }, data: { isPrimary: true } });
    }
    await mirrorPrimaries(tx, tenantId, contactId);
    return finishIdentityEdit(tx, tenantId, contactId, options.actor, email ? "Primary e-mail address changed" : "Primary phone number changed", {
      primary: email ? "email" : "phone",
    });
  });
}
