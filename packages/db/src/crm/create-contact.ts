import { Prisma } from "../generated/prisma/client";
import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { normalizeContactInput, type ContactInput } from "./contact-input";
import { contactSelect, type ContactRow, type CrmActor } from "./crm-selects";
import { findDuplicateContact, type DuplicateMatch } from "./find-duplicate-contact";

export type CreateContactResult =
  | { created: true; contact: ContactRow; leadId: string | null }
  | ({ created: false } & DuplicateMatch);

function actorMeta(actor: CrmActor) {
  return actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {};
}

/**
 * Captures a contact by hand. When the tenant already has a contact with this email or phone,
 * nothing is created and that contact is returned instead (also under a concurrent duplicate).
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
  const input = normalizeContactInput(options.input);
  const existing = await findDuplicateContact({ tenantId, email: input.email, phone: input.phone, db });
  if (existing) return { created: false, ...existing };
  try {
    return await db.$transaction(async (tx) => {
      const contact = await tx.contact.create({
        data: { tenantId, ...input, source: options.source ?? "manual" },
        select: contactSelect,
      });
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
          tenantId, contactId: contact.id, leadId, type: "CONTACT_CREATED", actorUserId: actor.userId,
          title: leadId ? "Contact added by hand, lead opened" : "Contact added by hand", metadata: actorMeta(actor),
        },
      });
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
