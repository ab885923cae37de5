import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { leadDetailSelect, type CrmActor, type LeadDetailRow } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";

/** Opens a new lead for an existing contact of the tenant; null when the contact is not the tenant's. */
export async function createLead(options: {
  tenantId: string;
  contactId: string;
  source: string;
  message?: string;
  listingKey?: string;
  actor: CrmActor;
  db?: Db;
}): Promise<LeadDetailRow | null> {
  const db = options.db ?? getDb();
  const { tenantId, contactId } = options;
  if (!isUuid(contactId)) return null;
  return db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({ where: { tenantId_id: { tenantId, id: contactId } }, select: { id: true } });
    if (!contact) return null;
    const lead = await tx.lead.create({
      data: { tenantId, contactId, source: options.source, message: options.message ?? null, listingKey: options.listingKey ?? null },
      select: leadDetailSelect,
    });
    await tx.activity.create({
      data: {
        tenantId,
        contactId,
        leadId: lead.id,
        type: "STATUS_CHANGE",
        actorUserId: options.actor.userId,
        title: "Lead opened by hand (NEW)",
        metadata: { from: null, to: "NEW", ...(options.actor.apiKeyId && { apiKeyId: options.actor.apiKeyId }) },
      },
    });
    return lead;
  });
}
