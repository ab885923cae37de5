// Writes a tenant's sample CRM in three set-based statements. Contacts are keyed on
// (tenant, email); leads and activities carry deterministic ids and find their contact by email
// inside the statement. ON CONFLICT DO NOTHING: a second run adds nothing and leaves alone
// whatever agents have since changed on those records.
import type { Db } from "@real-estate/db";
import type { SeedTenant } from "../data";
import { generateDemoCrm } from "./generate-crm";

export type CrmPeople = {
  agent: { membershipId: string; userId: string };
  owner: { membershipId: string; userId: string };
};

export type SeededCrm = { contacts: number; leads: number; activities: number };

export async function seedDemoCrm(db: Db, options: { tenantId: string; tenant: SeedTenant; anchor: Date; people: CrmPeople }): Promise<SeededCrm> {
  const { tenantId, tenant, people } = options;
  const crm = generateDemoCrm(tenant, options.anchor);
  const leads = crm.leads.map(({ assignee, ...lead }) => ({ ...lead, assignedMembershipId: assignee ? people[assignee].membershipId : null }));
  const activities = crm.activities.map(({ actor, ...a }) => ({ ...a, actorUserId: actor ? people[actor].userId : null }));

  await db.$executeRaw`
    INSERT INTO "Contact" ("tenantId", "id", "firstName", "lastName", "email", "phone", "source", "notes", "createdAt", "updatedAt")
    SELECT ${tenantId}::uuid, r.id, r."firstName", r."lastName", r.email, r.phone, r.source, r.notes, r."createdAt", r."createdAt"
    FROM jsonb_to_recordset(${JSON.stringify(crm.contacts)}::jsonb)
      AS r(id uuid, "firstName" text, "lastName" text, email text, phone text, source text, notes text, "createdAt" timestamp(3))
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "Lead" ("tenantId", "id", "contactId", "status", "source", "listingKey", "message", "assignedMembershipId",
                        "firstContactedAt", "closedAt", "lastActivityAt", "createdAt", "updatedAt")
    SELECT c."tenantId", r.id, c.id, r.status::"LeadStatus", r.source, r."listingKey", r.message, r."assignedMembershipId",
           r."firstContactedAt", r."closedAt", r."lastActivityAt", r."createdAt", r."lastActivityAt"
    FROM jsonb_to_recordset(${JSON.stringify(leads)}::jsonb)
      AS r(id uuid, "contactEmail" text, status text, source text, "listingKey" text, message text, "assignedMembershipId" uuid,
           "firstContactedAt" timestamp(3), "closedAt" timestamp(3), "lastActivityAt" timestamp(3), "createdAt" timestamp(3))
    JOIN "Contact" c ON c."tenantId" = ${tenantId}::uuid AND c."email" = r."contactEmail"
    ON CONFLICT DO NOTHING`;
  // Only activities whose lead exists: an agent may have deleted a sample lead since.
  await db.$executeRaw`
    INSERT INTO "Activity" ("tenantId", "id", "contactId", "leadId", "type", "title", "body", "metadata", "actorUserId", "occurredAt", "createdAt")
    SELECT c."tenantId", r.id, c.id, l.id, r.type::"ActivityType", r.title, r.body, r.metadata, r."actorUserId", r."occurredAt", r."occurredAt"
    FROM jsonb_to_recordset(${JSON.stringify(activities)}::jsonb)
      AS r(id uuid, "leadId" uuid, "contactEmail" text, type text, title text, body text, metadata jsonb, "actorUserId" text, "occurredAt" timestamp(3))
    JOIN "Contact" c ON c."tenantId" = ${tenantId}::uuid AND c."email" = r."contactEmail"
    JOIN "Lead" l ON l."tenantId" = ${tenantId}::uuid AND l."id" = r."leadId"
    ON CONFLICT DO NOTHING`;
  return { contacts: crm.contacts.length, leads: crm.leads.length, activities: crm.activities.length };
}
