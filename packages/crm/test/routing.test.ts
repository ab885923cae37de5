import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@real-estate/db";
import { useTestDatabase } from "@real-estate/db/testing";
import type { RoutingRuleInput } from "@real-estate/types";
import {
  claimPondLead,
  createRoutingRule,
  deleteRoutingRule,
  listRoutingRules,
  moveRoutingRule,
  routeNewLead,
  UnknownMemberError,
  unsafeRerouteOverdueLeads,
} from "../src/routing";
import { removeMembership, setMemberAway } from "../src/memberships";
import { logActivity } from "../src/activities/log-activity";
import { createActionPlan } from "../src/action-plans";
import { processWebsiteEvent } from "../src/website-events";
import { createCrmTenant, type CrmTenant } from "./support/crm-fixtures";
import { addAgent, addListing, assigneeOf, assignmentTitles, submitLead } from "./support/routing-fixtures";
import { leadSubmitted } from "./support/website-events";

const testDb = useTestDatabase("crmroute");

const rule = (input: Partial<RoutingRuleInput> & Pick<RoutingRuleInput, "name" | "targetKind">): RoutingRuleInput => ({
  sources: [],
  towns: [],
  memberIds: [],
  ...input,
});

async function clearRules(tenantId: string) {
  await testDb().db.routingRule.deleteMany({ where: { tenantId } });
}

describe("lead routing on PostgreSQL", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  let ann: string;
  let bob: string;
  let cat: string;
  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "route-a");
    b = await createCrmTenant(db, "route-b");
    ann = await addAgent(db, a.tenantId, "Ann Agent");
    bob = await addAgent(db, a.tenantId, "Bob Agent");
    cat = await addAgent(db, a.tenantId, "Cat Agent");
    await addListing(db, a.tenantId, "GW-1", { price: 1_500_000, city: "Greenwich", office: "Harbor Realty", agent: "Dana Lister" });
    await addListing(db, a.tenantId, "FF-1", { price: 450_000, city: "Fairfield", office: "Elm Homes", agent: "Eli Lister" });
  });

  it("each rule kind sends the lead to its target, with the reason on the timeline", async () => {
    const { db } = testDb();
    const t = a.tenantId;
    const by = a.ownerUserId;
    await clearRules(t);
    await createRoutingRule({
      tenantId: t,
      actorUserId: by,
      input: rule({ name: "Valuations", sources: ["valuation"], targetKind: "AGENT", targetMembershipId: ann }),
    });
    await createRoutingRule({
      tenantId: t,
      actorUserId: by,
      input: rule({ name: "Harbor listings", listingOffice: "harbor realty", targetKind: "AGENT", targetMembershipId: bob }),
    });
    await createRoutingRule({
      tenantId: t,
      actorUserId: by,
      input: rule({ name: "Eli's listings", listingAgent: "Eli Lister", minPrice: 1_000_000, targetKind: "AGENT", targetMembershipId: ann }),
    });
    await createRoutingRule({
      tenantId: t,
      actorUserId: by,
      input: rule({ name: "Fairfield starter homes", towns: ["fairfield"], maxPrice: 500_000, targetKind: "AGENT", targetMembershipId: cat }),
    });
    await createRoutingRule({ tenantId: t, actorUserId: by, input: rule({ name: "Nights", fromMinute: 20 * 60, toMinute: 7 * 60, targetKind: "POND" }) });

    const valuation = await submitLead(t, { valuation: true });
    expect((await assigneeOf(db, t, valuation.leadId)).assignedMembershipId).toBe(ann);
    const [title] = await assignmentTitles(db, t, valuation.leadId);
    expect(title).toBe("Assigned to Ann Agent by routing rule “Valuations” (one agent)");
    const body = await db.activity.findFirstOrThrow({ where: { tenantId: t, leadId: valuation.leadId, type: "ASSIGNMENT" } });
    expect(body.body).toBe("Why: source is Home valuation request.");

    const harbor = await submitLead(t, { listingKey: "GW-1" });
    expect((await assigneeOf(db, t, harbor.leadId)).assignedMembershipId).toBe(bob);
    // Eli's rule also needs a price from $1M: his $450k listing falls through to the town + price rule.
    const fairfield = await submitLead(t, { listingKey: "FF-1" });
    expect((await assigneeOf(db, t, fairfield.leadId)).assignedMembershipId).toBe(cat);
    expect((await db.activity.findFirstOrThrow({ where: { tenantId: t, leadId: fairfield.leadId, type: "ASSIGNMENT" } })).body).toBe(
      "Why: town is Fairfield; price $450,000 is up to $500,000.",
    );

    // Time of day is read in the tenant's zone (America/New_York): 23:30 there is 04:30 UTC.
    const night = await submitLead(t, { now: new Date("2026-03-10T04:30:00Z") });
    const pooled = await assigneeOf(db, t, night.leadId);
    expect(pooled).toMatchObject({ assignedMembershipId: null, contactDueAt: null });
    expect(pooled.pooledAt).toBeInstanceOf(Date);
    const afternoon = await submitLead(t, { now: new Date("2026-03-10T19:30:00Z") }); // 15:30 in New York
    expect(await assigneeOf(db, t, afternoon.leadId)).toMatchObject({ assignedMembershipId: null, pooledAt: null });
    expect(await assignmentTitles(db, t, afternoon.leadId)).toEqual(["Not routed: no routing rule matched this lead"]);

    // The pond: exactly one of two claims wins; another tenant's member cannot claim.
    expect(await claimPondLead({ tenantId: b.tenantId, leadId: night.leadId, membershipId: b.agentMembershipId, actorUserId: b.agentUserId })).toBe(false);
    const claims = await Promise.all([
      claimPondLead({ tenantId: t, leadId: night.leadId, membershipId: bob, actorUserId: "u-bob" }),
      claimPondLead({ tenantId: t, leadId: night.leadId, membershipId: cat, actorUserId: "u-cat" }),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const claimed = await assigneeOf(db, t, night.leadId);
    expect([bob, cat]).toContain(claimed.assignedMembershipId);
    expect(claimed.pooledAt).toBeNull();
  });

  it("rules are tried in order and can be reordered", async () => {
    const { db } = testDb();
    const t = a.tenantId;
    await clearRules(t);
    await createRoutingRule({
      tenantId: t,
      actorUserId: a.ownerUserId,
      input: rule({ name: "Everything to Ann", targetKind: "AGENT", targetMembershipId: ann }),
    });
    const second = await createRoutingRule({
      tenantId: t,
      actorUserId: a.ownerUserId,
      input: rule({ name: "Everything to Bob", targetKind: "AGENT", targetMembershipId: bob }),
    });
    expect((await assigneeOf(db, t, (await submitLead(t)).leadId)).assignedMembershipId).toBe(ann);
    expect(await moveRoutingRule({ tenantId: t, ruleId: second.id, direction: "down" })).toBe(false);
    expect(await moveRoutingRule({ tenantId: t, ruleId: second.id, direction: "up" })).toBe(true);
    expect((await listRoutingRules({ tenantId: t })).map((r) => r.name)).toEqual(["Everything to Bob", "Everything to Ann"]);
    expect((await assigneeOf(db, t, (await submitLead(t)).leadId)).assignedMembershipId).toBe(bob);
  });

  it("round robin over 1,000 leads: every member within one of the others, also with leads arriving in parallel", async () => {
    const { db } = testDb();
    const t = a.tenantId;
    await clearRules(t);
    await createRoutingRule({ tenantId: t, actorUserId: a.ownerUserId, input: rule({ name: "Team", targetKind: "ROUND_ROBIN", memberIds: [ann, bob, cat] }) });
    const leads: string[] = [];
    const lanes = 4;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let i = 0; i < 1000 / lanes; i++) leads.push((await submitLead(t)).leadId);
      }),
    );
    const counts = await db.lead.groupBy({ by: ["assignedMembershipId"], where: { tenantId: t, id: { in: leads } }, _count: { _all: true } });
    const byMember: Record<string, number> = Object.fromEntries(counts.map((c) => [c.assignedMembershipId, c._count._all]));
    expect(Object.keys(byMember).sort()).toEqual([ann, bob, cat].sort());
    const values = Object.values(byMember);
    expect(values.reduce((s, n) => s + n, 0)).toBe(1000);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
  }, 300_000);

  it("skips away members; everyone away sends the lead to the pond", async () => {
    const { db } = testDb();
    const t = a.tenantId;
    await clearRules(t);
    await createRoutingRule({ tenantId: t, actorUserId: a.ownerUserId, input: rule({ name: "Pair", targetKind: "ROUND_ROBIN", memberIds: [ann, bob] }) });
    expect(await setMemberAway({ tenantId: b.tenantId, membershipId: ann, away: true })).toBe(false);
    expect(await setMemberAway({ tenantId: t, membershipId: ann, away: true })).toBe(true);
    const got: (string | null)[] = [];
    for (let i = 0; i < 3; i++) got.push((await assigneeOf(db, t, (await submitLead(t)).leadId)).assignedMembershipId);
    expect(got).toEqual([bob, bob, bob]);
    await setMemberAway({ tenantId: t, membershipId: bob, away: true });
    const pooled = await submitLead(t);
    expect((await assigneeOf(db, t, pooled.leadId)).pooledAt).toBeInstanceOf(Date);
    expect(await assignmentTitles(db, t, pooled.leadId)).toEqual(["Sent to the shared pond by routing rule “Pair”: everyone in the round robin is away"]);
    // Back from leave, Ann has waited longest and gets the next lead.
    await setMemberAway({ tenantId: t, membershipId: ann, away: false });
    await setMemberAway({ tenantId: t, membershipId: bob, away: false });
    expect((await assigneeOf(db, t, (await submitLead(t)).leadId)).assignedMembershipId).toBe(ann);
    expect((await assigneeOf(db, t, (await submitLead(t)).leadId)).assignedMembershipId).toBe(bob);
  });

  it("re-routes a lead nobody contacted within N minutes (fake clock), then the pond; a contacted lead stays", async () => {
    const { db } = testDb();
    const t = a.tenantId;
    await clearRules(t);
    await createRoutingRule({
      tenantId: t,
      actorUserId: a.ownerUserId,
      input: rule({ name: "Fast team", targetKind: "ROUND_ROBIN", memberIds: [ann, bob, cat], rerouteAfterMinutes: 15 }),
    });
    const t0 = new Date("2026-04-01T14:00:00Z");
    const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
    const quiet = await submitLead(t, { now: t0 });
    const called = await submitLead(t, { now: t0 });
    const first = (await assigneeOf(db, t, quiet.leadId)).assignedMembershipId;
    expect((await assigneeOf(db, t, quiet.leadId)).contactDueAt).toEqual(minutes(15));
    await logActivity({ tenantId: t, leadId: called.leadId, type: "CALL", title: "Called", actor: { userId: a.agentUserId }, occurredAt: minutes(3) });

    expect(await unsafeRerouteOverdueLeads({ now: minutes(14) })).toBe(0);
    expect(await unsafeRerouteOverdueLeads({ now: minutes(16) })).toBe(1);
    const second = (await assigneeOf(db, t, quiet.leadId)).assignedMembershipId;
    expect(second).not.toBe(first);
    expect((await assigneeOf(db, t, quiet.leadId)).contactDueAt).toEqual(minutes(31));
    expect(await unsafeRerouteOverdueLeads({ now: minutes(32) })).toBe(1);
    const third = (await assigneeOf(db, t, quiet.leadId)).assignedMembershipId;
    expect(new Set([first, second, third]).size).toBe(3);
    // Everyone in the group has had it: the pond, and no more timer.
    expect(await unsafeRerouteOverdueLeads({ now: minutes(48) })).toBe(1);
    expect(await assigneeOf(db, t, quiet.leadId)).toMatchObject({ assignedMembershipId: null, contactDueAt: null });
    expect(await unsafeRerouteOverdueLeads({ now: minutes(600) })).toBe(0);
    const titles = await assignmentTitles(db, t, quiet.leadId);
    expect(titles).toHaveLength(4);
    expect(titles[1]).toMatch(/^Re-routed to \w+ Agent: not contacted within 15 minutes by \w+ Agent$/);
    expect(titles[3]).toMatch(/^Sent to the shared pond: not contacted within 15 minutes by \w+ Agent$/);
    // The called lead kept its agent and lost its timer.
    expect(await assignmentTitles(db, t, called.leadId)).toHaveLength(1);
    expect((await assigneeOf(db, t, called.leadId)).contactDueAt).toBeNull();
  });

  it("exactly one assignment when the same event is retried and two workers process it at once", async () => {
    const { db, url } = testDb();
    const t = a.tenantId;
    await clearRules(t);
    await createRoutingRule({ tenantId: t, actorUserId: a.ownerUserId, input: rule({ name: "Duo", targetKind: "ROUND_ROBIN", memberIds: [ann, bob] }) });
    const other = createPrismaClient({ url, poolSize: 5 });
    try {
      const events = Array.from({ length: 20 }, (_, i) => leadSubmitted(t, { firstName: `Twice${i}`, email: `twice${i}@example.org` }));
      // Four events at a time, each delivered three times at once over two connection pools.
      const results = [];
      for (let i = 0; i < events.length; i += 4) {
        results.push(
          ...(await Promise.all(
            events
              .slice(i, i + 4)
              .flatMap((event) => [
                processWebsiteEvent({ tenantId: t, event, db }),
                processWebsiteEvent({ tenantId: t, event, db: other }),
                processWebsiteEvent({ tenantId: t, event, db: other }),
              ]),
          )),
        );
      }
      expect(results.filter((r) => r.outcome === "applied")).toHaveLength(20);
      const leadIds = results.flatMap((r) => (r.outcome === "applied" ? [r.leadId] : []));
      const assignments = await db.activity.groupBy({
        by: ["leadId"],
        where: { tenantId: t, leadId: { in: leadIds }, type: "ASSIGNMENT" },
        _count: { _all: true },
      });
      expect(assignments).toHaveLength(20);
      expect(assignments.every((g) => g._count._all === 1)).toBe(true);
      const counts = await db.lead.groupBy({ by: ["assignedMembershipId"], where: { tenantId: t, id: { in: leadIds } }, _count: { _all: true } });
      expect(counts.map((c) => c._count._all)).toEqual([10, 10]);
    } finally {
      await other.$disconnect();
    }
  });

  it("a round robin's turn is the transaction's: a rolled back routing gives nobody a turn; the assignment precedes the plan on the timeline", async () => {
    const { db } = testDb();
    const t = a.tenantId;
    await clearRules(t);
    const plan = await createActionPlan({
      tenantId: t,
      actorUserId: a.ownerUserId,
      input: { name: "Welcome", steps: [{ kind: "TASK", taskKind: "CALL", title: "Call", offsetMinutes: 60 }] },
    });
    await createRoutingRule({
      tenantId: t,
      actorUserId: a.ownerUserId,
      input: rule({ name: "Duo", targetKind: "ROUND_ROBIN", memberIds: [ann, bob], actionPlanId: plan.id }),
    });
    const rolledBack = db.$transaction(async (tx) => {
      const contact = await tx.contact.create({ data: { tenantId: t, firstName: "Never", source: "website_contact" } });
      const lead = await tx.lead.create({ data: { tenantId: t, contactId: contact.id, source: "website_contact" } });
      const routed = await routeNewLead(tx, {
        tenantId: t,
        leadId: lead.id,
        contactId: contact.id,
        source: "website_contact",
        listingKey: null,
        timeZone: "UTC",
        now: new Date(),
      });
      throw Object.assign(new Error("rolled back"), { routed });
    });
    await expect(rolledBack).rejects.toMatchObject({ routed: { kind: "round_robin", membershipId: ann } });
    // Ann's turn was not spent: the first committed lead is hers, then Bob's.
    const first = await submitLead(t);
    const second = await submitLead(t);
    expect((await assigneeOf(db, t, first.leadId)).assignedMembershipId).toBe(ann);
    expect((await assigneeOf(db, t, second.leadId)).assignedMembershipId).toBe(bob);
    const timeline = await db.activity.findMany({
      where: { tenantId: t, leadId: first.leadId, type: { in: ["ASSIGNMENT", "ACTION_PLAN"] } },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      select: { type: true, title: true },
    });
    expect(timeline).toEqual([
      { type: "ASSIGNMENT", title: "Assigned to Ann Agent by routing rule “Duo” (round robin)" },
      { type: "ACTION_PLAN", title: "Action plan “Welcome” started by a routing rule" },
    ]);
    await db.leadPlan.deleteMany({ where: { tenantId: t } });
    await db.routingRule.deleteMany({ where: { tenantId: t } });
    await db.actionPlan.deleteMany({ where: { tenantId: t } });
  });

  it("two tenants never share rules or agents", async () => {
    const { db } = testDb();
    await clearRules(a.tenantId);
    await clearRules(b.tenantId);
    await expect(
      createRoutingRule({ tenantId: b.tenantId, actorUserId: b.ownerUserId, input: rule({ name: "Steal", targetKind: "AGENT", targetMembershipId: ann }) }),
    ).rejects.toBeInstanceOf(UnknownMemberError);
    await expect(
      createRoutingRule({
        tenantId: b.tenantId,
        actorUserId: b.ownerUserId,
        input: rule({ name: "Mixed", targetKind: "ROUND_ROBIN", memberIds: [b.agentMembershipId, bob] }),
      }),
    ).rejects.toBeInstanceOf(UnknownMemberError);
    expect(await db.routingRule.count({ where: { tenantId: b.tenantId } })).toBe(0);
    const ruleA = await createRoutingRule({
      tenantId: a.tenantId,
      actorUserId: a.ownerUserId,
      input: rule({ name: "All to Ann", targetKind: "AGENT", targetMembershipId: ann }),
    });
    await createRoutingRule({
      tenantId: b.tenantId,
      actorUserId: b.ownerUserId,
      input: rule({ name: "All to B", targetKind: "AGENT", targetMembershipId: b.agentMembershipId }),
    });
    expect((await listRoutingRules({ tenantId: b.tenantId })).map((r) => r.name)).toEqual(["All to B"]);
    expect(await deleteRoutingRule({ tenantId: b.tenantId, ruleId: ruleA.id, actorUserId: b.ownerUserId })).toBe(false);
    expect(await moveRoutingRule({ tenantId: b.tenantId, ruleId: ruleA.id, direction: "up" })).toBe(false);
    const leadB = await submitLead(b.tenantId);
    expect((await assigneeOf(db, b.tenantId, leadB.leadId)).assignedMembershipId).toBe(b.agentMembershipId);
    const leadA = await submitLead(a.tenantId);
    expect((await assigneeOf(db, a.tenantId, leadA.leadId)).assignedMembershipId).toBe(ann);
    // Removing the member a rule sends to stops that rule instead of leaving it pointing nowhere.
    await removeMembership({ tenantId: a.tenantId, membershipId: ann, actorUserId: a.ownerUserId });
    expect((await listRoutingRules({ tenantId: a.tenantId }))[0]).toMatchObject({ enabled: false, targetMembershipId: null });
    expect(await deleteRoutingRule({ tenantId: a.tenantId, ruleId: ruleA.id, actorUserId: a.ownerUserId })).toBe(true);
  });
});
