// Routing test helpers: extra agents, listings with an office and agent, events at a chosen time.
import type { Db } from "@real-estate/db";
import { processWebsiteEvent } from "../../src/website-events";
import { createUser } from "./crm-fixtures";
import { leadSubmitted, valuationRequested } from "@real-estate/queue/testing";

export async function addAgent(db: Db, tenantId: string, name: string): Promise<string> {
  const userId = await createUser(db, name);
  const m = await db.tenantMembership.create({ data: { tenantId, userId, role: "AGENT" } });
  return m.id;
}

export async function addListing(db: Db, tenantId: string, key: string, o: { price: number; city: string; office?: string; agent?: string }) {
  await db.listing.create({
    data: {
      tenantId,
      ListingKey: key,
      StandardStatus: "Active",
      PropertyType: "Residential",
      ListPrice: o.price,
      UnparsedAddress: `1 Main Street, ${o.city}`,
      City: o.city,
      StateOrProvince: "CT",
      PostalCode: "06830",
      townSlug: o.city.toLowerCase().replace(/\s+/g, "-"),
      ListOfficeName: o.office ?? null,
      ListAgentFullName: o.agent ?? null,
      ModificationTimestamp: new Date(),
    },
  });
}

let seq = 0;
/** Submits a website lead (a new person each time) and returns the processing result. */
export async function submitLead(tenantId: string, o: { listingKey?: string; valuation?: boolean; now?: Date; db?: Db } = {}) {
  seq += 1;
  const contact = { firstName: `Lead${seq}`, email: `lead${seq}.${Math.random().toString(36).slice(2, 8)}@example.org` };
  const event = o.valuation ? valuationRequested(tenantId, contact) : leadSubmitted(tenantId, contact, o.listingKey ? { listingKey: o.listingKey } : {});
  const result = await processWebsiteEvent({ tenantId, event, now: o.now, db: o.db });
  if (result.outcome !== "applied") throw new Error("expected a new lead");
  return result;
}

export async function assigneeOf(db: Db, tenantId: string, leadId: string) {
  return db.lead.findUniqueOrThrow({
    where: { tenantId_id: { tenantId, id: leadId } },
    select: { assignedMembershipId: true, pooledAt: true, contactDueAt: true, routingRuleId: true },
  });
}

export async function assignmentTitles(db: Db, tenantId: string, leadId: string) {
  const rows = await db.activity.findMany({
    where: { tenantId, leadId, type: "ASSIGNMENT" },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { title: true, body: true },
  });
  return rows.map((r) => r.title);
}
