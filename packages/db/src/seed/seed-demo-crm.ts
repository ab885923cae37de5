// Writes a tenant's sample CRM. Contacts are keyed on (tenant, email); leads and activities
// carry deterministic ids and are inserted with skipDuplicates, so a second run adds nothing and
// leaves alone whatever agents have since changed on those records.
import type { Db } from "../client/create-client";
import type { SeedTenant } from "./data";
import { generateDemoCrm } from "./generate-crm";

export type CrmPeople = {
  agent: { membershipId: string; userId: string };
  owner: { membershipId: string; userId: string };
};

export type SeededCrm = { contacts: number; leads: number; activities: number };

export async function seedDemoCrm(
  db: Db,
  options: { tenantId: string; tenant: SeedTenant; anchor: Date; people: CrmPeople },
): Promise<SeededCrm> {
  const { tenantId, tenant, people } = options;
  const crm = generateDemoCrm(tenant, options.anchor);
  await db.contact.createMany({ data: crm.contacts.map((c) => ({ tenantId, ...c })), skipDuplicates: true });
  const stored = await db.contact.findMany({ where: { tenantId, email: { in: crm.contacts.map((c) => c.email) } }, select: { id: true, email: true } });
  const contactId = new Map(stored.map((c) => [c.email, c.id]));
  const idFor = (email: string) => {
    const id = contactId.get(email);
    if (!id) throw new Error(`seed: contact ${email} missing after insert`);
    return id;
  };
  await db.lead.createMany({
    skipDuplicates: true,
    data: crm.leads.map(({ contactEmail, assignee, ...lead }) => ({
      tenantId,
      ...lead,
      contactId: idFor(contactEmail),
      assignedMembershipId: assignee ? people[assignee].membershipId : null,
      updatedAt: lead.lastActivityAt,
    })),
  });
  await db.activity.createMany({
    skipDuplicates: true,
    data: crm.activities.map(({ contactEmail, actor, ...activity }) => ({
      tenantId,
      ...activity,
      contactId: idFor(contactEmail),
      actorUserId: actor ? people[actor].userId : null,
      createdAt: activity.occurredAt,
    })),
  });
  return { contacts: crm.contacts.length, leads: crm.leads.length, activities: crm.activities.length };
}
