import { beforeAll, describe, expect, it } from "vitest";
import { pgPoolOf } from "@real-estate/db";
import { useTestDatabase } from "@real-estate/db/testing";
import { leadFilterWhere } from "../src/leads/list-leads";
import { leadListSelect } from "../src/shared/crm-selects";
import { bulkAssignLeads, bulkUpdateLeadStatus, getLead, listLeads, updateLead, type LeadFilters, type ListCursor } from "../src";
import { createCrmTenant, seedLead, type CrmTenant } from "./support/crm-fixtures";

const testDb = useTestDatabase("crmleads");
const base = new Date("2026-11-01T12:00:00Z");
const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);

describe("CRM leads (two tenants)", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  const aLeads: string[] = [];
  let bLead: string;

  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "leads-a");
    b = await createCrmTenant(db, "leads-b");
    const people = [
      { first: "Jane", last: "Doe", email: "jane@example.com", phone: "+12035550101", source: "valuation", status: "NEW" as const },
      { first: "John", last: "Smith", email: "john@example.com", phone: "+12035550102", source: "website_contact", status: "CONTACTED" as const },
      { first: "Mary", last: "Jones", email: "mary@example.com", source: "listing_inquiry", status: "NEW" as const, assignedMembershipId: "agent" },
      { first: "Pat", last: "Lee", phone: "+12035550104", source: "website_contact", status: "QUALIFIED" as const },
    ];
    for (let i = 0; i < 12; i++) {
      const p = people[i % people.length]!;
      const assigned = p.assignedMembershipId ? a.agentMembershipId : undefined;
      // Pairs share a creation time so keyset pagination must break ties by id.
      const { leadId } = await seedLead(db, a.tenantId, {
        ...p,
        email: p.email?.replace("@", `+${i}@`),
        createdAt: at(Math.floor(i / 2)),
        assignedMembershipId: assigned,
      });
      aLeads.push(leadId);
    }
    ({ leadId: bLead } = await seedLead(db, b.tenantId, { first: "Jane", last: "Doe", email: "jane@example.com", source: "valuation", createdAt: at(3) }));
  });

  it("filters by status, source, assignee, text and creation range, within the tenant only", async () => {
    const all = await listLeads({ tenantId: a.tenantId, limit: 100 });
    expect(all.items).toHaveLength(12);
    expect(all.items.map((l) => l.id)).not.toContain(bLead);
    expect((await listLeads({ tenantId: a.tenantId, filters: { status: ["NEW"] } })).items).toHaveLength(6);
    expect((await listLeads({ tenantId: a.tenantId, filters: { status: ["CONTACTED", "QUALIFIED"] } })).items).toHaveLength(6);
    expect((await listLeads({ tenantId: a.tenantId, filters: { source: ["valuation"] } })).items).toHaveLength(3);
    expect((await listLeads({ tenantId: a.tenantId, filters: { assignedTo: [a.agentMembershipId] } })).items).toHaveLength(3);
    expect((await listLeads({ tenantId: a.tenantId, filters: { assignedTo: ["unassigned"] } })).items).toHaveLength(9);
    expect((await listLeads({ tenantId: a.tenantId, filters: { assignedTo: ["unassigned", a.agentMembershipId] } })).items).toHaveLength(12);
    const jane = await listLeads({ tenantId: a.tenantId, filters: { q: "jane DOE" } });
    expect(jane.items).toHaveLength(3);
    expect(jane.items.every((l) => l.contact.firstName === "Jane")).toBe(true);
    expect((await listLeads({ tenantId: a.tenantId, filters: { q: "550104" } })).items).toHaveLength(3);
    expect((await listLeads({ tenantId: a.tenantId, filters: { q: "mary+2@" } })).items).toHaveLength(1);
    const ranged = await listLeads({ tenantId: a.tenantId, filters: { createdFrom: at(1), createdTo: at(3) } });
    expect(ranged.items).toHaveLength(4);
    expect((await listLeads({ tenantId: b.tenantId, filters: { q: "jane" } })).items.map((l) => l.id)).toEqual([bLead]);
  });

  it("pages through every lead exactly once in order, both directions, ties broken by id", async () => {
    for (const sort of ["-createdAt", "createdAt"] as const) {
      const seen: string[] = [];
      let cursor: ListCursor | undefined;
      do {
        const page = await listLeads({ tenantId: a.tenantId, sort, cursor, limit: 5 });
        seen.push(...page.items.map((l) => l.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(12);
      expect(new Set(seen).size).toBe(12);
      const full = (await listLeads({ tenantId: a.tenantId, sort, limit: 100 })).items.map((l) => l.id);
      expect(seen).toEqual(full);
    }
  });

  it("a page by creation time holds what Prisma's relation read gives, field for field, on node-postgres and through Prisma", async () => {
    const { db } = testDb();
    expect(pgPoolOf(db)).not.toBeNull();
    const filterSets: LeadFilters[] = [
      {},
      { status: ["NEW"] },
      { status: ["CONTACTED", "QUALIFIED"], source: ["website_contact"] },
      { assignedTo: [a.agentMembershipId] },
      { assignedTo: ["unassigned", a.agentMembershipId] },
      { q: "jane DOE" },
      { q: "550104" },
      { q: "j_ne" },
      { createdFrom: at(1), createdTo: at(3) },
    ];
    for (const filters of filterSets) {
      for (const sort of ["-createdAt", "createdAt"] as const) {
        const direction = sort === "-createdAt" ? "desc" : "asc";
        const expected = await db.lead.findMany({
          where: leadFilterWhere(a.tenantId, filters),
          select: leadListSelect,
          orderBy: [{ createdAt: direction }, { id: direction }],
        });
        // Pages of 3 (ties on createdAt cross page ends), on the app's client (node-postgres) and
        // inside a transaction (no pool of its own: the same statement through Prisma).
        for (const run of [
          (o: Parameters<typeof listLeads>[0]) => listLeads(o),
          (o: Parameters<typeof listLeads>[0]) => db.$transaction((tx) => listLeads({ ...o, db: tx as never })),
        ]) {
          const seen: unknown[] = [];
          let cursor: ListCursor | undefined;
          do {
            const page = await run({ tenantId: a.tenantId, filters, sort, cursor, limit: 3 });
            seen.push(...page.items);
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          // The same bytes: the API serialises these rows (and spreads the contact as it is).
          expect(JSON.stringify(seen), `${sort} ${JSON.stringify(filters)}`).toBe(JSON.stringify(expected));
        }
      }
    }
    expect(JSON.stringify((await listLeads({ tenantId: b.tenantId, limit: 100 })).items.map((l) => l.id))).toBe(JSON.stringify([bLead]));
  });

  it("a list frozen for paging by last activity holds exactly the leads its filters match", async () => {
    const filterSets: LeadFilters[] = [
      {},
      { status: ["NEW"] },
      { status: ["CONTACTED", "QUALIFIED"], source: ["website_contact"] },
      { assignedTo: ["unassigned"] },
      { assignedTo: ["unassigned", a.agentMembershipId] },
      { assignedTo: [a.agentMembershipId] },
      { q: "jane DOE" },
      { q: "550104" },
      { q: "mary+2@" },
      { q: "%" },
      { q: "j_ne" },
      { createdFrom: at(1), createdTo: at(3) },
      { createdFrom: at(2), q: "smith", status: ["CONTACTED"] },
    ];
    for (const filters of filterSets) {
      const expected = (await listLeads({ tenantId: a.tenantId, filters, limit: 100 })).items.map((l) => l.id).sort();
      for (const sort of ["-lastActivityAt", "lastActivityAt"] as const) {
        const seen: string[] = [];
        let cursor: ListCursor | undefined;
        do {
          const page = await listLeads({ tenantId: a.tenantId, filters, sort, cursor, limit: 1 });
          seen.push(...page.items.map((l) => l.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect([...seen].sort(), JSON.stringify(filters)).toEqual(expected);
      }
    }
  });

  it("getLead answers null for another tenant's lead and for garbage ids", async () => {
    expect((await getLead({ tenantId: a.tenantId, leadId: aLeads[0]! }))?.contact.firstName).toBe("Jane");
    expect(await getLead({ tenantId: a.tenantId, leadId: bLead })).toBeNull();
    expect(await getLead({ tenantId: b.tenantId, leadId: aLeads[0]! })).toBeNull();
    // The lead page passes its URL segment as it came (`/leads/abc` answered 500: PostgreSQL refused the uuid cast).
    for (const leadId of ["abc", "00000000-0000-0000-0000-00000000000g", "a".repeat(5000), "", `${aLeads[0]!} `]) {
      expect(await getLead({ tenantId: a.tenantId, leadId }), leadId.slice(0, 40)).toBeNull();
    }
  });

  it("records status and assignment changes as activities with who and when", async () => {
    const { db } = testDb();
    const leadId = aLeads[0]!;
    const res = await updateLead({
      tenantId: a.tenantId,
      leadId,
      change: { status: "CONTACTED", assignedMembershipId: a.agentMembershipId },
      actor: { userId: a.ownerUserId },
    });
    expect(res.ok && res.lead.status).toBe("CONTACTED");
    expect(res.ok && res.lead.firstContactedAt).toBeInstanceOf(Date);
    expect(res.ok && res.lead.assignedTo?.user.name).toBe("leads-a Agent");
    const acts = await db.activity.findMany({ where: { tenantId: a.tenantId, leadId } });
    expect(acts.map((x) => `${x.type}:${x.actorUserId}`).sort()).toEqual([`ASSIGNMENT:${a.ownerUserId}`, `STATUS_CHANGE:${a.ownerUserId}`]);
    expect(acts.find((x) => x.type === "STATUS_CHANGE")?.metadata).toEqual({ from: "NEW", to: "CONTACTED" });
    // A repeat changes nothing and records nothing.
    const again = await updateLead({ tenantId: a.tenantId, leadId, change: { status: "CONTACTED" }, actor: { userId: a.ownerUserId } });
    expect(again.ok && again.changed).toBe(false);
    expect(await db.activity.count({ where: { tenantId: a.tenantId, leadId } })).toBe(2);
    const won = await updateLead({ tenantId: a.tenantId, leadId, change: { status: "WON" }, actor: { userId: null, apiKeyId: "k1" } });
    expect(won.ok && won.lead.closedAt).toBeInstanceOf(Date);
  });

  it("refuses other tenants' leads and assignees without changing anything", async () => {
    const { db } = testDb();
    expect(await updateLead({ tenantId: b.tenantId, leadId: aLeads[1]!, change: { status: "LOST" }, actor: { userId: b.ownerUserId } })).toEqual({
      ok: false,
      error: "not_found",
    });
    const leadId = aLeads[2]!;
    const before = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: leadId } } });
    const res = await updateLead({
      tenantId: a.tenantId,
      leadId,
      change: { status: "LOST", assignedMembershipId: b.agentMembershipId },
      actor: { userId: a.ownerUserId },
    });
    expect(res).toEqual({ ok: false, error: "unknown_assignee" });
    const after = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: leadId } } });
    expect(after.status).toBe(before.status);
    expect(await db.activity.count({ where: { tenantId: a.tenantId, leadId } })).toBe(0);
  });

  it("bulk status and bulk assignment touch only the tenant's leads", async () => {
    const { db } = testDb();
    const ids = [aLeads[4]!, aLeads[5]!, aLeads[8]!, bLead];
    const status = await bulkUpdateLeadStatus({ tenantId: a.tenantId, leadIds: ids, status: "NURTURING", actor: { userId: a.agentUserId } });
    expect(status).toEqual({ ok: true, matched: 3, changed: 3 });
    expect((await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: b.tenantId, id: bLead } } })).status).toBe("NEW");
    const assign = await bulkAssignLeads({ tenantId: a.tenantId, leadIds: ids, assignedMembershipId: a.ownerMembershipId, actor: { userId: a.agentUserId } });
    expect(assign).toEqual({ ok: true, matched: 3, changed: 3 });
    const unassign = await bulkAssignLeads({ tenantId: a.tenantId, leadIds: ids, assignedMembershipId: null, actor: { userId: a.agentUserId } });
    expect(unassign.ok && unassign.changed).toBe(3);
    expect(await db.activity.count({ where: { tenantId: a.tenantId, leadId: { in: ids }, actorUserId: a.agentUserId } })).toBe(9);
    expect(await bulkAssignLeads({ tenantId: a.tenantId, leadIds: ids, assignedMembershipId: b.ownerMembershipId, actor: { userId: a.agentUserId } })).toEqual({
      ok: false,
      error: "unknown_assignee",
    });
  });
});
