import type { DbTx } from "@real-estate/db";
import { mirrorPrimaries } from "./contact-identities";

/**
 * Makes `email` the contact's primary e-mail, as a person editing the contact means it: one the
 * contact already holds becomes primary (the old primary stays as another address); a new one
 * replaces the primary address; null removes the primary address. The caller has checked that
 * no other contact holds it.
 */
export async function setPrimaryEmail(tx: DbTx, options: { tenantId: string; contactId: string; email: string | null; source: string; now: Date }) {
  const { tenantId, contactId, email, now } = options;
  const held = email ? await tx.contactEmail.findFirst({ where: { tenantId, contactId, email }, select: { id: true } }) : null;
  const primary = await tx.contactEmail.findFirst({ where: { tenantId, contactId, isPrimary: true }, select: { id: true } });
  if (held) {
    await tx.contactEmail.updateMany({ where: { tenantId, contactId }, data: { isPrimary: false } });
    await tx.contactEmail.update({ where: { tenantId_id: { tenantId, id: held.id } }, data: { isPrimary: true, lastSeenAt: now } });
  } else if (primary && email) {
    await tx.contactEmail.update({
      where: { tenantId_id: { tenantId, id: primary.id } },
      data: { email, source: options.source, createdAt: now, lastSeenAt: now },
    });
  } else if (primary) {
    await tx.contactEmail.delete({ where: { tenantId_id: { tenantId, id: primary.id } } });
  } else if (email) {
    await tx.contactEmail.create({ data: { tenantId, contactId, email, isPrimary: true, source: options.source, createdAt: now, lastSeenAt: now } });
  }
}

/** Like setPrimaryEmail for the phone (E.164) and its extension. */
export async function setPrimaryPhone(
  tx: DbTx,
  options: { tenantId: string; contactId: string; phone: string | null; extension: string | null; source: string; now: Date },
) {
  const { tenantId, contactId, phone, extension, now } = options;
  const held = phone ? await tx.contactPhone.findFirst({ where: { tenantId, contactId, phone }, select: { id: true } }) : null;
  const primary = await tx.contactPhone.findFirst({ where: { tenantId, contactId, isPrimary: true }, select: { id: true } });
  if (held) {
    await tx.contactPhone.updateMany({ where: { tenantId, contactId }, data: { isPrimary: false } });
    await tx.contactPhone.update({ where: { tenantId_id: { tenantId, id: held.id } }, data: { isPrimary: true, extension, lastSeenAt: now } });
  } else if (primary && phone) {
    await tx.contactPhone.update({
      where: { tenantId_id: { tenantId, id: primary.id } },
      data: { phone, extension, source: options.source, createdAt: now, lastSeenAt: now },
    });
  } else if (primary) {
    await tx.contactPhone.delete({ where: { tenantId_id: { tenantId, id: primary.id } } });
  } else if (phone) {
    await tx.contactPhone.create({ data: { tenantId, contactId, phone, extension, isPrimary: true, source: options.source, createdAt: now, lastSeenAt: now } });
  }
}

/** Applies e-mail / phone edits (undefined: unchanged) and mirrors the primaries onto the contact. */
export async function applyPrimaryIdentityEdits(
  tx: DbTx,
  options: { tenantId: string; contactId: string; email?: string | null; phone?: string | null; phoneExtension?: string | null; source: string; now: Date },
) {
  const { tenantId, contactId, source, now } = options;
  // The contact's own e-mail column is unique per tenant: clear it while the rows change.
  await tx.contact.update({ where: { tenantId_id: { tenantId, id: contactId } }, data: { email: null } });
  if (options.email !== undefined) await setPrimaryEmail(tx, { tenantId, contactId, email: options.email, source, now });
  if (options.phone !== undefined)
    await setPrimaryPhone(tx, { tenantId, contactId, phone: options.phone, extension: options.phoneExtension ?? null, source, now });
  await mirrorPrimaries(tx, tenantId, contactId);
}
