import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { listContactQueueJobs, listMergedContactIds, listPersonIdentities } from "./list-contact-queue-jobs";

export const CONTACT_EXPORT_FORMAT = "real-estate.contact-export/1";

export type ContactExport = {
  format: typeof CONTACT_EXPORT_FORMAT;
  exportedAt: string;
  tenantId: string;
  contact: Record<string, unknown>;
  /** Every e-mail and phone held for the person (with source and time), merged-away contacts' included. */
  emails: Record<string, unknown>[];
  phones: Record<string, unknown>[];
  leads: Record<string, unknown>[];
  activities: Record<string, unknown>[];
  ingestedEvents: Record<string, unknown>[];
  /** Queued, processing and completed website events that mention the person. */
  queueJobs: Record<string, unknown>[];
  /** Dead-lettered website events that mention the person. */
  deadLetters: Record<string, unknown>[];
  /** Website accounts of the same tenant with the person's e-mail or phone (password hash left out). */
  visitors: Record<string, unknown>[];
};

/**
 * Everything the tenant holds about one contact, as one JSON-ready document: the contact, its
 * leads and activities (consent records included), the ingestion ledger rows, the queue and
 * dead-letter payloads that mention the person, and matching website accounts. Records the
 * export in TenantAuditLog (without personal data). Null when the contact is missing or
 * belongs to another tenant.
 */
export async function exportContactData(options: { tenantId: string; contactId: string; actorUserId: string; db?: Db }): Promise<ContactExport | null> {
  const db = options.db ?? getDb();
  const { tenantId, contactId } = options;
  const contact = await db.contact.findUnique({ where: { tenantId_id: { tenantId, id: contactId } } });
  if (!contact) return null;
  const contactIds = await listMergedContactIds(db, tenantId, contactId);
  const person = await listPersonIdentities(db, tenantId, contactIds);
  const jobs = await listContactQueueJobs({ tenantId, contactIds, ...person, db });
  const visitorMatch = [...person.emails.map((email) => ({ email })), ...person.phones.map((phone) => ({ phone }))];
  const [emails, phones, leads, activities, ingestedEvents, visitors] = await Promise.all([
    db.contactEmail.findMany({ where: { tenantId, contactId: { in: contactIds } }, orderBy: { createdAt: "asc" } }),
    db.contactPhone.findMany({ where: { tenantId, contactId: { in: contactIds } }, orderBy: { createdAt: "asc" } }),
    db.lead.findMany({ where: { tenantId, contactId }, orderBy: { createdAt: "asc" } }),
    db.activity.findMany({ where: { tenantId, contactId }, orderBy: { occurredAt: "asc" } }),
    db.ingestedEvent.findMany({
      where: { tenantId, OR: [{ contactId: { in: contactIds } }, { eventId: { in: jobs.map((j) => j.eventId) } }] },
      orderBy: { processedAt: "asc" },
    }),
    visitorMatch.length
      ? db.visitor.findMany({
          where: { tenantId, OR: visitorMatch },
          select: {
            id: true,
            email: true,
            name: true,
            phone: true,
            preferences: true,
            createdAt: true,
            updatedAt: true,
            savedListings: true,
            savedSearches: true,
          },
        })
      : Promise.resolve([]),
  ]);
  await db.tenantAuditLog.create({
    data: {
      tenantId,
      actorUserId: options.actorUserId,
      action: "contact.exported",
      entityType: "Contact",
      entityId: contactId,
      detail: { leads: leads.length, activities: activities.length, queueJobs: jobs.length },
    },
  });
  return {
    format: CONTACT_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    tenantId,
    contact,
    emails,
    phones,
    leads,
    activities,
    ingestedEvents,
    queueJobs: jobs.filter((j) => j.status !== "DEAD_LETTERED"),
    deadLetters: jobs.filter((j) => j.status === "DEAD_LETTERED"),
    visitors,
  };
}
