import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { CrmActor } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { promoteMissingPrimaries } from "./contact-identities";
import { finishIdentityEdit, lockContactForEdit, type ContactIdentityEditResult } from "./edit-contact-identity";

/**
 * Removes one of a contact's e-mails or phones (by its id). Removing the primary makes the oldest
 * remaining one of that kind primary; the last e-mail or phone a contact has cannot go (a contact
 * must stay reachable). With `expectedVersion`, a contact changed since is not touched.
 */
export async function removeContactIdentity(options: {
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
    const [email, phone, count] = await Promise.all([
      tx.contactEmail.findFirst({ where: { ...where, id: identityId }, select: { id: true, isPrimary: true } }),
      tx.contactPhone.findFirst({ where: { ...where, id: identityId }, select: { id: true, isPrimary: true } }),
      Promise.all([tx.contactEmail.count({ where }), tx.contactPhone.count({ where })]).then(([e, p]) => e + p),
    ]);
    const found = email ?? phone;
    if (!found) return { ok: false, error: "not_found" };
    if (count <= 1) return { ok: false, error: "last_identity" };
    // The contact's own e-mail column is unique per tenant: clear it while the rows change.
    await tx.contact.update({ where: { tenantId_id: { tenantId, id: contactId } }, data: { email: null } });
    if (email) await tx.contactEmail.delete({ where: { tenantId_id: { tenantId, id: identityId } } });
    else await tx.contactPhone.delete({ where: { tenantId_id: { tenantId, id: identityId } } });
    await promoteMissingPrimaries(tx, tenantId, contactId);
    return finishIdentityEdit(tx, tenantId, contactId, options.actor, email ? "E-mail address removed" : "Phone number removed", {
      removed: email ? "email" : "phone",
      wasPrimary: found.isPrimary,
    });
  });
}
