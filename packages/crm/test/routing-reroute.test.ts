// Re-routing: a lead nobody contacted within the rule's minutes goes to the next member, then the
// pond; a contacted lead keeps its agent.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { createRoutingRule, unsafeRerouteOverdueLeads } from "../src/routing";
import { logActivity } from "../src/activities/log-activity";
import type { CrmTenant } from "./support/crm-fixtures";
import { assigneeOf, assignmentTitles, clearRules, createRoutingTeam, rule, submitLead } from "./support/routing-fixtures";

const testDb = useTestDatabase("crmreroute");

describe("lead routing on PostgreSQL: re-routing leads nobody contacted", () => {
  let a: CrmTenant;
  let ann: string;
  let bob: string;
  let cat: string;
  beforeAll(async () => {
    ({ a, ann, bob, cat } = await createRoutingTeam(testDb().db));
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
});
