import { Prisma } from "../generated/prisma/client";
import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { normalizeContactInput, type ContactInput } from "./contact-input";
import { contactSelect, type ContactRow, type CrmActor } from "./crm-selects";
import { findDuplicateContact, type DuplicateMatch } from "./find-duplicate-contact";
import { isUuid } from "./is-uuid";

export type UpdateContactResult =
  | { ok: true; contact: ContactRow; changedFields: string[] }
  | { ok: false; error: "not_found" }
  | ({ ok: false; error: "duplicate" } & DuplicateMatch);

const FIELDS = ["firstName", "lastName", "email", "phone", "notes"] as const;

/**
 * Edits a contact. Refuses an email or phone that another contact of the tenant already has
 * (returning that contact). Records which fields changed (not their values) as an activity.
 */
export async function updateContact(options: { tenantId: string; contactId: string; input: ContactInput; actor: CrmActor; db?: Db }): Promise<UpdateContactResult> {
  const db = options.db ?? getDb();
  const { tenantId, contactId } = options;
  if (!isUuid(contactId)) return { ok: false, error: "not_found" };
  const input = normalizeContactInput(options.input);
  const current = await db.contact.findUnique({ where: { tenantId_id: { tenantId, id: contactId } }, select: contactSelect });
  if (!current) return { ok: false, error: "not_found" };
  const duplicate = await findDuplicateContact({ tenantId, email: input.email, phone: input.phone, excludeContactId: contactId, db });
  if (duplicate) return { ok: false, error: "duplicate", ...duplicate };
  const changedFields = FIELDS.filter((f) => input[f] !== undefined && input[f] !== current[f]);
  if (!changedFields.length) return { ok: true, contact: current, changedFields };
  try {
    const contact = await db.$transaction(async (tx) => {
      const updated = await tx.contact.update({ where: { tenantId_id: { tenantId, id: contactId } }, data: input, select: contactSelect });
      await tx.activity.create({
        data: {
          tenantId, contactId, type: "CONTACT_UPDATED", actorUserId: options.actor.userId,
          title: `Contact details edited (${changedFields.join(", ")})`,
          metadata: { changedFields, ...(options.actor.apiKeyId && { apiKeyId: options.actor.apiKeyId }) },
        },
      });
      return updated;
    });
    return { ok: true, contact, changedFields };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findDuplicateContact({ tenantId, email: input.email, phone: input.phone, excludeContactId: contactId, db });
      if (raced) return { ok: false, error: "duplicate", ...raced };
    }
    throw error;
  }
}
