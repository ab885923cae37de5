// Routing test helpers: extra agents, listings with an office and agent, events at a chosen time,
// and the two-tenant team the routing tests share.
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { RoutingRuleInput } from "@real-estate/types";
import { processWebsiteEvent } from "../../src/website-events";
import { createCrmTenant, createUser, type CrmTenant } from "./crm-fixtures";
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

/** A routing rule's input with empty lists for what the test does not set. */
export const rule = (input: Partial<RoutingRuleInput> & Pick<RoutingRuleInput, "name" | "targetKind">): RoutingRuleInput => ({
  sources: [],
  towns: [],
  memberIds: [],
  ...input,
});

/** Deletes the tenant's routing rules (in the database the test set with useTestDatabase). */
export async function clearRules(tenantId: string) {
  await getDb().routingRule.deleteMany({ where: { tenantId } });
}

/**
 * Two tenants: `a` with three more agents (Ann, Bob, Cat) and two listings (Greenwich, $1.5M,
 * Harbor Realty / Dana Lister; Fairfield, $450k, Elm Homes / Eli Lister); `b` with its owner and agent.
 */
export async function createRoutingTeam(db: Db): Promise<{ a: CrmTenant; b: CrmTenant; ann: string; bob: string; cat: string }> {
  const a = await createCrmTenant(db, "route-a");
  const b = await createCrmTenant(db, "route-b");
  const ann = await addAgent(db, a.tenantId, "Ann Agent");
  const bob = await addAgent(db, a.tenantId, "Bob Agent");
  const cat = await addAgent(db, a.tenantId, "Cat Agent");
  await addListing(db, a.tenantId, "GW-1", { price: 1_500_000, city: "Greenwich", office: "Harbor Realty", agent: "Dana Lister" });
  await addListing(db, a.tenantId, "FF-1", { price: 450_000, city: "Fairfield", office: "Elm Homes", agent: "Eli Lister" });
  return { a, b, ann, bob, cat };
}
