import { Prisma } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { parsePhone } from "@real-estate/types";
import type { CrmActor } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { addContactIdentities, identityKeys, lockIdentities, type IdentityInput } from "./contact-identities";
import { finishIdentityEdit, lockContactForEdit, type ContactIdentityEditResult } from "./edit-contact-identity";
import { findDuplicateContact } from "./find-duplicate-contact";
import { getTenantLocale } from "./tenant-locale";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Gives a contact another e-mail or phone (typed by a person: the phone is read in the tenant's
 * country, its extension kept apart). It becomes primary only when the contact has none of that
 * kind. One another live contact holds is refused with that contact (offer a merge instead); one
 * this contact holds already changes nothing. With `expectedVersion`, a contact changed since is
 * not touched. Serialised with website events on the identity's lock.
 */
export async function addContactIdentity(options: {
  tenantId: string;
  contactId: string;
  kind: "email" | "phone";
  value: string;
  actor: CrmActor;
  expectedVersion?: number;
  db?: Db;
}): Promise<ContactIdentityEditResult> {
  const db = options.db ?? getDb();
  const { tenantId, contactId, kind } = options;
  if (!isUuid(contactId)) return { ok: false, error: "not_found" };
  const identities: IdentityInput = { emails: [], phones: [] };
  const raw = options.value.trim();
  if (kind === "email") {
    const email = raw.toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) return { ok: false, error: "invalid", fields: { email: "Not an email address." } };
    identities.emails.push(email);
  } else {
    const locale = await getTenantLocale(db, tenantId);
    const parsed = parsePhone(raw, { defaultCountry: locale.country });
    if (!parsed.ok) return { ok: false, error: "invalid", fields: { phone: parsed.message } };
    identities.phones.push({ phone: parsed.e164, extension: parsed.extension });
  }
  const email = identities.emails[0] ?? null;
  const phone = identities.phones[0]?.phone ?? null;
  try {
    return await db.$transaction(async (tx): Promise<ContactIdentityEditResult> => {
      await lockIdentities(tx, tenantId, identityKeys(identities));
      const locked = await lockContactForEdit(tx, tenantId, contactId, options.expectedVersion);
      if (!locked.ok) return locked;
      const duplicate = await findDuplicateContact({ tenantId, email, phone, excludeContactId: contactId, db: tx });
      if (duplicate) return { ok: false, error: "duplicate", ...duplicate };
      const changes = await addContactIdentities(tx, { tenantId, contactId, identities, source: "manual", now: new Date() });
      if (!changes.addedEmails.length && !changes.addedPhones.length) return { ok: true, contact: locked.contact, changed: false };
      const primary = Boolean(changes.primaryEmail ?? changes.primaryPhone);
      return finishIdentityEdit(tx, tenantId, contactId, options.actor, kind === "email" ? "E-mail address added" : "Phone number added", {
        added: kind,
        primary,
      });
    });
  } catch (error) {
    // Another contact took the e-mail between our check and our insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findDuplicateContact({ tenantId, email, phone, excludeContactId: contactId, db });
      if (raced) return { ok: false, error: "duplicate", ...raced };
    }
    throw error;
  }
}
