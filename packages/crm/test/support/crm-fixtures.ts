// Two-tenant fixtures for the CRM data tests: each tenant gets an owner and an agent, and
// contacts/leads made with explicit creation times so ordering and windows are exact.
import crypto from "node:crypto";
import type { Db } from "@real-estate/db";
import { createTenantFixture } from "@real-estate/db/testing";
import type { LeadStatus } from "@real-estate/db";

export type CrmTenant = { tenantId: string; ownerUserId: string; agentUserId: string; ownerMembershipId: string; agentMembershipId: string };

export async function createUser(db: Db, name: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.user.create({ data: { id, name, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${id.slice(0, 6)}@example.test` } });
  return id;
}

export async function createCrmTenant(db: Db, slug: string): Promise<CrmTenant> {
  const t = await createTenantFixture(db, { slug });
  const ownerUserId = await createUser(db, `${slug} Owner`);
  const agentUserId = await createUser(db, `${slug} Agent`);
  const owner = await db.tenantMembership.create({ data: { tenantId: t.tenantId, userId: ownerUserId, role: "OWNER" } });
  const agent = await db.tenantMembership.create({ data: { tenantId: t.tenantId, userId: agentUserId, role: "AGENT" } });
  return { tenantId: t.tenantId, ownerUserId, agentUserId, ownerMembershipId: owner.id, agentMembershipId: agent.id };
}

export async function seedLead(
  db: Db,
  tenantId: string,
  o: { first: string; last?: string; email?: string; phone?: string; source?: string; status?: LeadStatus; createdAt?: Date; assignedMembershipId?: string },
) {
  const contact = await db.contact.create({
    data: {
      tenantId,
      firstName: o.first,
      lastName: o.last ?? "Tester",
      email: o.email ?? null,
      phone: o.phone ?? null,
      source: o.source ?? "website_contact",
      createdAt: o.createdAt,
    },
  });
  const lead = await db.lead.create({
    data: {
      tenantId,
      contactId: contact.id,
      source: o.source ?? "website_contact",
      status: o.status ?? "NEW",
      createdAt: o.createdAt,
      lastActivityAt: o.createdAt,
      assignedMembershipId: o.assignedMembershipId ?? null,
    },
  });
  return { contactId: contact.id, leadId: lead.id };
}
