import { Prisma } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { addContactIdentities, identityKeys, lockIdentities } from "./contact-identities";
import { normalizeContactInput, type ContactInput } from "./contact-input";
import { contactSelect, type ContactRow, type CrmActor } from "../shared/crm-selects";
import { findDuplicateContact, type DuplicateMatch } from "./find-duplicate-contact";
import { getTenantLocale } from "./tenant-locale";
import { actorData, contactData, emitWebhookEvents } from "../shared/webhook-events";

export type CreateContactResult =
  | { created: true; contact: ContactRow; leadId: string | null }
  | ({ created: false } & DuplicateMatch)
  | { created: false; error: "invalid"; fields: Record<string, string> };

function actorMeta(actor: CrmActor) {
  return actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {};
}

/**
 * Captures a contact by hand. When the tenant already has a contact holding this email or phone,
 * nothing is created and that contact is returned instead (also under a concurrent duplicate).
 * The phone is read in the tenant's country; one that cannot be a number is a field error.
 * `openLead` also opens a lead for the new contact (source "manual" unless given).
 */
export async function createContact(options: {
  tenantId: string;
  input: ContactInput;
  source?: string;
  openLead?: { message?: string; source?: string };
  actor: CrmActor;
  db?: Db;
}): Promise<CreateContactResult> {
  const db = options.db ?? getDb();
  const { tenantId, actor } = options;
  const locale = await getTenantLocale(db, tenantId);
  const normalized = normalizeContactInput(options.input, { defaultCountry: locale.country });
  if (!normalized.ok) return { created: false, error: "invalid", fields: normalized.fields };
  const input = normalized.input;
  const source = options.source ?? "manual";
  const identities = { emails: input.email ? [input.email] : [], phones: input.phone ? [{ phone: input.phone, extension: input.phoneExtension ?? null }] : [] };
  try {
    return await db.$transaction(async (tx) => {
      await lockIdentities(tx, tenantId, identityKeys(identities));
      const existing = await findDuplicateContact({ tenantId, email: input.email, phone: input.phone, db: tx });
      if (existing) return { created: false, ...existing } as const;
      const created = await tx.contact.create({
        data: { tenantId, firstName: input.firstName, lastName: input.lastName, notes: input.notes, source },
        select: { id: true },
      });
      await addContactIdentities(tx, {
        tenantId,
        contactId: created.id,
        identities,
        source,
        now: new Date(),
      });
      const contact = await tx.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: created.id } }, select: contactSelect });
      let leadId: string | null = null;
      if (options.openLead) {
        const lead = await tx.lead.create({
          data: { tenantId, contactId: contact.id, source: options.openLead.source ?? "manual", message: options.openLead.message?.trim() || null },
          select: { id: true },
        });
        leadId = lead.id;
      }
      await tx.activity.create({
        data: {
          tenantId,
          contactId: contact.id,
          leadId,
          type: "CONTACT_CREATED",
          actorUserId: actor.userId,
          title: leadId ? "Contact added by hand, lead opened" : "Contact added by hand",
          metadata: actorMeta(actor),
        },
      });
      await emitWebhookEvents(tx, tenantId, [
        { type: "contact.created", contactId: contact.id, data: { contact: contactData(contact), actor: actorData(actor) } },
        ...(leadId
          ? [
              {
                type: "lead.created" as const,
                contactId: contact.id,
                data: { lead: { id: leadId, contactId: contact.id, status: "NEW", source: options.openLead?.source ?? "manual" }, actor: actorData(actor) },
              },
            ]
          : []),
      ]);
      return { created: true, contact, leadId } as const;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findDuplicateContact({ tenantId, email: input.email, phone: input.phone, db });
      if (raced) return { created: false, ...raced };
    }
    throw error;
  }
}
