import type { ActivityRow, ContactRow, LeadDetailRow, LeadListRow } from "@real-estate/crm";
import type { z } from "zod";
import type { ZActivity, ZContact, ZLeadDetail, ZLeadItem } from "./contracts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function assignee(row: LeadListRow) {
  return row.assignedTo ? { membershipId: row.assignedTo.id, userId: row.assignedTo.user.id, name: row.assignedTo.user.name } : null;
}

export function leadItem(row: LeadListRow): z.infer<typeof ZLeadItem> {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    listingKey: row.listingKey,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    firstContactedAt: iso(row.firstContactedAt),
    contact: { ...row.contact },
    assignedTo: assignee(row),
  };
}

export function contactItem(row: ContactRow & { _count?: { leads: number } }): z.infer<typeof ZContact> {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    phoneExtension: row.phoneExtension,
    source: row.source,
    version: row.version,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(row._count && { leadCount: row._count.leads }),
  };
}

export function leadDetail(row: LeadDetailRow): z.infer<typeof ZLeadDetail> {
  return {
    ...leadItem(row),
    message: row.message,
    version: row.version,
    closedAt: iso(row.closedAt),
    updatedAt: row.updatedAt.toISOString(),
    contact: contactItem(row.contact),
  };
}

export function activityItem(row: ActivityRow): z.infer<typeof ZActivity> {
  const meta = (row.metadata ?? {}) as { apiKeyId?: string };
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    body: row.body,
    occurredAt: row.occurredAt.toISOString(),
    contactId: row.contactId,
    leadId: row.leadId,
    eventId: row.eventId,
    actor: row.actorUserId ? { userId: row.actorUserId, name: row.actorName } : null,
    viaApiKey: Boolean(meta.apiKeyId),
    contact: { ...row.contact },
  };
}
