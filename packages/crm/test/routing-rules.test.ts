// Routing rules: each rule kind and what it matches, the order rules are tried in, the shared pond's
// claims, and two tenants' rules and agents kept apart.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { claimPondLead, createRoutingRule, deleteRoutingRule, listRoutingRules, moveRoutingRule, UnknownMemberError } from "../src/routing";
import { removeMembership } from "../src/memberships";
import type { CrmTenant } from "./support/crm-fixtures";
import { assigneeOf, assignmentTitles, clearRules, createRoutingTeam, rule, submitLead } from "./support/routing-fixtures";

const testDb = useTestDatabase("crmrouterules");

describe("lead routing on PostgreSQL: rules, matching and the pond", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  let ann: string;
  let bob: string;
  let cat: string;
  beforeAll(async () => {
    ({ a, b, ann, bob, cat } = await createRoutingTeam(testDb().db));
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
