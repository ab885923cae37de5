// Plants one person's data the way the website, the queue and the CRM hold it, for the privacy tests.
import crypto from "node:crypto";
import type { Db } from "@real-estate/db";

export type PlantedPerson = { contactId: string; email: string; phone: string; rawPhone: string; leadId: string; eventIds: string[] };

const uuid = () => crypto.randomUUID();

function leadEvent(tenantId: string, eventId: string, contact: Record<string, string>, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    eventId,
    tenantId,
    type: "lead.submitted",
    occurredAt: new Date().toISOString(),
    source: { pageUrl: "https://site.test/contact", ip: "203.0.113.9" },
    payload: { contact, message: "Call me about the colonial", ...extra },
  };
}

async function insertJob(
  db: Db,
  tenantId: string,
  eventId: string,
  payload: unknown,
  status: "PENDING" | "COMPLETED" | "DEAD_LETTERED",
  lastError: string | null = null,
) {
  await db.$executeRaw`
    INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, status, attempts, "lastError", "completedAt", "deadLetteredAt", "updatedAt")
    VALUES (${tenantId}::uuid, ${eventId}, 'lead.submitted', ${JSON.stringify(payload)}::jsonb, ${status}::"JobStatus", ${status === "PENDING" ? 0 : 1},
            ${lastError}, ${status === "COMPLETED" ? new Date() : null}, ${status === "DEAD_LETTERED" ? new Date() : null}, now())`;
}

/**
 * A contact with two leads' worth of history: a processed event (ledger + completed job +
 * activity with consent metadata), a pending job that names the person by phone only (raw
 * format), a dead letter whose payload and error mention the e-mail, a website account with
 * the same e-mail, and an operator audit row that mentions the e-mail.
 */
export async function plantPerson(db: Db, tenantId: string, tag: string): Promise<PlantedPerson> {
  const email = `pat.${tag}@example.org`;
  const rawPhone = `(203) 555-${tag.replace(/\D/g, "").padStart(4, "7").slice(-4)}`;
  const phone = `+1203555${rawPhone.slice(-4)}`;
  const contact = await db.contact.create({
    data: { tenantId, firstName: "Pat", lastName: `Doe-${tag}`, email, phone, source: "website_contact", notes: `Met ${email}` },
  });
  const lead = await db.lead.create({ data: { tenantId, contactId: contact.id, source: "website_contact", message: `Reach me at ${rawPhone}` } });
  const [processed, pending, dead] = [`evt-${tag}-1`, `evt-${tag}-2`, `evt-${tag}-3`];
  const consent = {
    given: true,
    text: "You may call or text me.",
    version: "2026-01",
    at: new Date().toISOString(),
    ip: "203.0.113.9",
    pageUrl: "https://site.test/contact",
  };
  const activity = await db.activity.create({
    data: {
      tenantId,
      contactId: contact.id,
      leadId: lead.id,
      type: "WEBSITE_EVENT",
      title: "Contact form message",
      body: `From ${email}`,
      metadata: { consent, contact: { email, phone } },
      eventId: processed,
    },
  });
  await db.ingestedEvent.create({
    data: { tenantId, eventId: processed, eventType: "lead.submitted", contactId: contact.id, leadId: lead.id, activityId: activity.id },
  });
  await insertJob(
    db,
    tenantId,
    processed,
    leadEvent(tenantId, processed, { firstName: "Pat", email: email.toUpperCase(), phone: rawPhone }, { consent }),
    "COMPLETED",
  );
  await insertJob(db, tenantId, pending, leadEvent(tenantId, pending, { firstName: "Pat", phone: rawPhone }), "PENDING");
  await insertJob(db, tenantId, dead, leadEvent(tenantId, dead, { firstName: "Pat", email }), "DEAD_LETTERED", `rejected ${email}: mailbox unknown`);
  const visitor = await db.visitor.create({ data: { tenantId, email, passwordHash: "x", name: "Pat", phone } });
  await db.savedListing.create({ data: { tenantId, visitorId: visitor.id, listingKey: "L-1" } });
  await db.operatorAuditLog.create({
    data: {
      actorUserId: "op",
      actorEmail: "operator@platform.example",
      action: "contact.note",
      targetType: "Contact",
      tenantId,
      after: { note: `asked by ${email}` },
    },
  });
  return { contactId: contact.id, email, phone, rawPhone, leadId: lead.id, eventIds: [processed, pending, dead] };
}

/** Someone else in the same tenant, whose data must survive an erasure. */
export async function plantBystander(db: Db, tenantId: string) {
  const email = `sam.${uuid().slice(0, 8)}@example.org`;
  const contact = await db.contact.create({ data: { tenantId, firstName: "Sam", email, phone: "+12035550999", source: "manual" } });
  const eventId = `evt-bystander-${uuid().slice(0, 8)}`;
  await insertJob(db, tenantId, eventId, leadEvent(tenantId, eventId, { email }), "DEAD_LETTERED", "boom");
  return { contactId: contact.id, email, eventId };
}
