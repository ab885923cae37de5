import { Prisma } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { identityKeys, lockIdentities } from "./contact-identities";
import { normalizeContactInput, type ContactInput, type NormalizedContactInput } from "./contact-input";
import { contactSelect, type ContactRow, type CrmActor } from "../shared/crm-selects";
import { findDuplicateContact, type DuplicateMatch } from "./find-duplicate-contact";
import { isUuid } from "../shared/is-uuid";
import { applyPrimaryIdentityEdits } from "./set-primary-identity";
import { getTenantLocale } from "./tenant-locale";
import { actorData, contactData, emitWebhookEvents } from "../shared/webhook-events";

export type UpdateContactResult =
  | { ok: true; contact: ContactRow; changedFields: string[] }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "invalid"; fields: Record<string, string> }
  /** `expectedVersion` is not the contact's version: someone changed it since; `contact` is how it is now. */
  | { ok: false; error: "version_mismatch"; contact: ContactRow }
  | ({ ok: false; error: "duplicate" } & DuplicateMatch);

const FIELDS = ["firstName", "lastName", "email", "phone", "phoneExtension", "notes"] as const;

function changedFieldsOf(input: NormalizedContactInput, current: ContactRow): string[] {
  return FIELDS.filter((f) => input[f] !== undefined && input[f] !== current[f]);
}

/**
 * Edits a contact. With `expectedVersion` (the version the editor read, from If-Match or the
 * form), a contact changed since is not overwritten: `version_mismatch` with the contact as it is
 * now. Refuses an e-mail or phone that another contact holds (returning that contact). The phone
 * is read in the tenant's country. Records which fields changed (not their values) as an activity.
 */
export async function updateContact(options: {
  tenantId: string;
  contactId: string;
  input: ContactInput;
  actor: CrmActor;
  expectedVersion?: number;
  db?: Db;
}): Promise<UpdateContactResult> {
  const db = options.db ?? getDb();
  const { tenantId, contactId } = options;
  if (!isUuid(contactId)) return { ok: false, error: "not_found" };
  const locale = await getTenantLocale(db, tenantId);
  const normalized = normalizeContactInput(options.input, { defaultCountry: locale.country });
  if (!normalized.ok) return { ok: false, error: "invalid", fields: normalized.fields };
  const input = normalized.input;
  const identities = { emails: input.email ? [input.email] : [], phones: input.phone ? [{ phone: input.phone, extension: null }] : [] };
  try {
    return await db.$transaction(async (tx): Promise<UpdateContactResult> => {
      await lockIdentities(tx, tenantId, identityKeys(identities));
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND id = ${contactId}::uuid AND "mergedIntoId" IS NULL FOR UPDATE`;
      if (!locked.length) return { ok: false, error: "not_found" };
      const current = await tx.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: contactId } }, select: contactSelect });
      if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
        return { ok: false, error: "version_mismatch", contact: current };
      const duplicate = await findDuplicateContact({ tenantId, email: input.email, phone: input.phone, excludeContactId: contactId, db: tx });
      if (duplicate) return { ok: false, error: "duplicate", ...duplicate };
      const changedFields = changedFieldsOf(input, current);
      if (!changedFields.length) return { ok: true, contact: current, changedFields };
      const now = new Date();
      const { email, phone, phoneExtension, ...plain } = input;
      await tx.contact.update({ where: { tenantId_id: { tenantId, id: contactId } }, data: { ...plain, version: { increment: 1 } } });
      const emailChanged = changedFields.includes("email");
      const phoneChanged = changedFields.includes("phone") || changedFields.includes("phoneExtension");
      if (emailChanged || phoneChanged) {
        await applyPrimaryIdentityEdits(tx, {
          tenantId,
          contactId,
          source: "manual",
          now,
          ...(emailChanged ? { email: email ?? null } : { email: current.email }),
          ...(phoneChanged ? { phone: phone ?? null, phoneExtension: phoneExtension ?? null } : {}),
        });
      }
      await tx.activity.create({
        data: {
          tenantId,
          contactId,
          type: "CONTACT_UPDATED",
          actorUserId: options.actor.userId,
          title: `Contact details edited (${changedFields.join(", ")})`,
          metadata: { changedFields, ...(options.actor.apiKeyId && { apiKeyId: options.actor.apiKeyId }) },
        },
      });
      const contact = await tx.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: contactId } }, select: contactSelect });
      await emitWebhookEvents(tx, tenantId, [
        { type: "contact.updated", contactId, data: { contact: contactData(contact), changedFields, actor: actorData(options.actor) } },
      ]);
      return { ok: true, contact, changedFields };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findDuplicateContact({ tenantId, email: input.email, phone: input.phone, excludeContactId: contactId, db });
      if (raced) return { ok: false, error: "duplicate", ...raced };
    }
    throw error;
  }
}
