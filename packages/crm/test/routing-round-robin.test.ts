// Round robin: turns spread evenly (also under parallel leads and retried events), away members
// skipped, and a turn that belongs to its transaction.
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@real-estate/db";
import { useTestDatabase } from "@real-estate/db/testing";
import { createRoutingRule, routeNewLead } from "../src/routing";
import { setMemberAway } from "../src/memberships";
import { createActionPlan } from "../src/action-plans";
import { processWebsiteEvent } from "../src/website-events";
import type { CrmTenant } from "./support/crm-fixtures";
import { assigneeOf, assignmentTitles, clearRules, createRoutingTeam, rule, submitLead } from "./support/routing-fixtures";
import { leadSubmitted } from "@real-estate/queue/testing";

const testDb = useTestDatabase("crmrouterr");

describe("lead routing on PostgreSQL: round robin", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  let ann: string;
  let bob: string;
  let cat: string;
  beforeAll(async () => {
    ({ a, b, ann, bob, cat } = await createRoutingTeam(testDb().db));
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
});
