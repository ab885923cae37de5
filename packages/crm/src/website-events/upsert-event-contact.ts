import { v7 as uuidv7 } from "uuid";
import type { DbTx } from "@real-estate/db";
import { addContactIdentities, resolveIdentityContacts, type IdentityChanges, type IdentityInput } from "../contacts/contact-identities";
import { mergeContactsInTx } from "../contacts/merge-contacts";
import type { EventEffect } from "./describe-event";

export type EventContactResult = {
  contactId: string;
  created: boolean;
  /** Contacts that this event showed to be the same person, merged into contactId. */
  mergedIds: string[];
  changes: IdentityChanges;
  /** Names filled in on the contact because it had none. */
  filledFields: string[];
  /** A name the person gave that differs from the contact's (kept on the timeline, not overwritten). */
  otherName: string | null;
};

function identitiesOf(effect: EventEffect): IdentityInput {
  const { email, phone, phoneExtension } = effect.person;
  return { emails: email ? [email] : [], phones: phone ? [{ phone, extension: phoneExtension }] : [] };
}

async function createContact(tx: DbTx, tenantId: string, effect: EventEffect, now: Date): Promise<string> {
  const id = uuidv7({ msecs: now.getTime() });
  const { firstName, lastName } = effect.person;
  await tx.$executeRaw`
    INSERT INTO "Contact" ("tenantId", id, "firstName", "lastName", source, "createdAt", "updatedAt")
    VALUES (${tenantId}::uuid, ${id}::uuid, ${firstName}::text, ${lastName}::text, ${effect.leadSource}, ${now}::timestamp(3), ${now}::timestamp(3))`;
  return id;
}

/** Fills the contact's blank names; a different name is reported, not written over the one the contact has. */
async function fillNames(tx: DbTx, tenantId: string, contactId: string, effect: EventEffect) {
  const [current] = await tx.$queryRaw<{ firstName: string | null; lastName: string | null }[]>`
    SELECT "firstName", "lastName" FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND id = ${contactId}::uuid`;
  const given = effect.person;
  const filled: string[] = [];
  if (!current?.firstName && given.firstName) filled.push("firstName");
  if (!current?.lastName && given.lastName) filled.push("lastName");
  const differs = (have: string | null | undefined, got: string | null) => Boolean(have && got && have.toLowerCase() !== got.toLowerCase());
  const otherName =
    differs(current?.firstName, given.firstName) || differs(current?.lastName, given.lastName)
      ? [given.firstName, given.lastName].filter(Boolean).join(" ")
      : null;
  if (filled.length) {
    await tx.$executeRaw`
      UPDATE "Contact" SET "firstName" = COALESCE("firstName", ${given.firstName}::text), "lastName" = COALESCE("lastName", ${given.lastName}::text)
       WHERE "tenantId" = ${tenantId}::uuid AND id = ${contactId}::uuid`;
  }
  return { filled, otherName };
}

/**
 * The contact an event belongs to. Every live contact holding one of the event's e-mails or
 * phones is the same person: when there are several (a phone-only and an e-mail-only contact
 * that this event links), they are merged into the oldest, recorded and undoable like an owner's
 * merge. None: a new contact. Then the event's e-mail and phone are added to the contact (with
 * the event's source and time) and blank names filled. The caller holds the identities'
 * advisory locks, so events of one person are applied one at a time.
 */
export async function upsertEventContact(
  tx: DbTx,
  options: { tenantId: string; eventId: string; effect: EventEffect; now: Date },
): Promise<EventContactResult> {
  const { tenantId, effect, now } = options;
  const identities = identitiesOf(effect);
  const found = await resolveIdentityContacts(tx, tenantId, identities);
  let contactId: string;
  const mergedIds: string[] = [];
  if (!found.length) {
    contactId = await createContact(tx, tenantId, effect, now);
  } else {
    contactId = found[0]!.id;
    for (const other of found.slice(1)) {
      const merged = await mergeContactsInTx(tx, {
        tenantId,
        survivorId: contactId,
        absorbedId: other.id,
        actor: null,
        reason: { kind: "ingestion", eventId: options.eventId },
        now,
      });
      if (!merged.ok) throw new Error(`merging contact ${other.id} into ${contactId} failed: ${merged.error}`);
      mergedIds.push(other.id);
    }
  }
  const changes = await addContactIdentities(tx, { tenantId, contactId, identities, source: effect.leadSource, now });
  const names = found.length ? await fillNames(tx, tenantId, contactId, effect) : { filled: [], otherName: null };
  const changed = changes.addedEmails.length || changes.addedPhones.length || names.filled.length;
  if (found.length && changed) {
    // A change an editor has not seen: their stale If-Match is refused rather than overwriting it.
    await tx.$executeRaw`UPDATE "Contact" SET version = version + 1, "updatedAt" = ${now}::timestamp(3) WHERE "tenantId" = ${tenantId}::uuid AND id = ${contactId}::uuid`;
  }
  return { contactId, created: !found.length, mergedIds, changes, filledFields: names.filled, otherName: names.otherName };
}

/** A timeline line for what an event added to an existing contact, or null when nothing changed. */
export function describeContactChanges(result: EventContactResult): { title: string; metadata: Record<string, unknown> } | null {
  if (result.created) return null;
  const parts: string[] = [];
  if (result.changes.addedEmails.length) parts.push(`e-mail ${result.changes.addedEmails.join(", ")}`);
  if (result.changes.addedPhones.length) parts.push(`phone ${result.changes.addedPhones.join(", ")}`);
  if (result.filledFields.length) parts.push("name");
  if (result.otherName) parts.push(`another name: ${result.otherName}`);
  if (!parts.length && !result.otherName) return null;
  const title = `New details from the website: ${parts.join("; ")}`;
  return {
    title,
    metadata: {
      addedEmails: result.changes.addedEmails,
      addedPhones: result.changes.addedPhones,
      filledFields: result.filledFields,
      ...(result.otherName ? { otherName: result.otherName } : {}),
      ...(result.changes.primaryEmail ? { primaryEmail: result.changes.primaryEmail } : {}),
      ...(result.changes.primaryPhone ? { primaryPhone: result.changes.primaryPhone } : {}),
    },
  };
}
