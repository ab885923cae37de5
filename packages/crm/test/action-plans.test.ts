import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@real-estate/db";
import { useTestDatabase } from "@real-estate/db/testing";
import { ZRoutingRuleInput } from "@real-estate/types";
import {
  createActionPlan,
  createRoutingRule,
  describeOffset,
  getActionPlan,
  listActionPlans,
  listLeadPlans,
  PLAN_STEP_KIND,
  runPlanStep,
  startActionPlan,
  stopLeadPlan,
  UnknownActionPlanError,
  updateActionPlan,
  updateLead,
  ZActionPlanInput,
  type ActionPlanInput,
} from "../src";
import { createCrmTenant, seedLead, type CrmTenant } from "./support/crm-fixtures";
import { submitLead } from "./support/routing-fixtures";

const testDb = useTestDatabase("crm17_action_plans");
const now = new Date("2026-11-20T15:00:00Z");
const DAY = 1440;

const buyerPlan: ActionPlanInput = ZActionPlanInput.parse({
  name: "New buyer lead",
  steps: [
    { kind: "TASK", taskKind: "CALL", title: "Call within the hour", offsetMinutes: 0 },
    {
      kind: "EMAIL",
      title: "Homes like the one you asked about",
      offsetMinutes: DAY,
      emailSubject: "Homes you may like",
      emailBody: "Hello again.\n\nHere are three more.",
    },
    { kind: "TASK", taskKind: "TEXT", title: "Text to set a showing", offsetMinutes: 2 * DAY + 240 },
  ],
});

const stepsOf = (db: Db, tenantId: string, leadPlanId: string) => db.leadPlanStep.findMany({ where: { tenantId, leadPlanId }, orderBy: { position: "asc" } });

async function runStep(db: Db, tenantId: string, leadPlanStepId: string, at = now) {
  return db.$transaction((tx) => runPlanStep(tx, { tenantId, payload: { leadPlanStepId }, now: at }));
}

describe("action plans (two tenants)", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  let planA: string;
  let planB: string;

  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "plans-a");
    b = await createCrmTenant(db, "plans-b");
    planA = (await createActionPlan({ tenantId: a.tenantId, input: buyerPlan, actorUserId: a.ownerUserId })).id;
    planB = (await createActionPlan({ tenantId: b.tenantId, input: { ...buyerPlan, name: "B's plan" }, actorUserId: b.ownerUserId })).id;
  });

  it("validates plans and describes offsets in words", () => {
    expect(ZActionPlanInput.safeParse({ name: "x", steps: [] }).success).toBe(false);
    expect(ZActionPlanInput.safeParse({ name: "x", steps: [{ kind: "TASK", taskKind: "CALL", title: "t", offsetMinutes: -1 }] }).success).toBe(false);
    expect(ZActionPlanInput.safeParse({ name: "x", steps: [{ kind: "EMAIL", title: "t", offsetMinutes: 0 }] }).success).toBe(false);
    expect(describeOffset(0)).toBe("at once");
    expect(describeOffset(2 * DAY + 240)).toBe("after 2 days 4 hours");
    expect(describeOffset(60)).toBe("after 1 hour");
  });

  it("lists and reads each tenant's own plans only", async () => {
    expect((await listActionPlans({ tenantId: a.tenantId })).map((p) => p.name)).toEqual(["New buyer lead"]);
    expect(await getActionPlan({ tenantId: a.tenantId, planId: planB })).toBeNull();
    const plan = await getActionPlan({ tenantId: a.tenantId, planId: planA });
    expect(plan?.steps.map((s) => [s.position, s.kind, s.offsetMinutes])).toEqual([
      [1, "TASK", 0],
      [2, "EMAIL", DAY],
      [3, "TASK", 2 * DAY + 240],
    ]);
    expect(await updateActionPlan({ tenantId: b.tenantId, planId: planA, change: { name: "stolen" }, actorUserId: b.ownerUserId })).toEqual({
      ok: false,
      error: "not_found",
    });
  });

  it("starts a plan on a lead: steps at their offsets, one job per step at its due time, a timeline entry", async () => {
    const { db } = testDb();
    const lead = await seedLead(db, a.tenantId, { first: "Lia", email: "lia@example.com", assignedMembershipId: a.agentMembershipId });
    const started = await startActionPlan({ tenantId: a.tenantId, leadId: lead.leadId, planId: planA, actorUserId: a.agentUserId, now });
    if (!started.ok) throw new Error(started.error);
    expect(started.created).toBe(true);
    expect(started.leadPlan.steps.map((s) => [s.title, s.dueAt.toISOString(), s.status])).toEqual([
      ["Call within the hour", "2026-11-20T15:00:00.000Z", "PENDING"],
      ["Homes like the one you asked about", "2026-11-21T15:00:00.000Z", "PENDING"],
      ["Text to set a showing", "2026-11-22T19:00:00.000Z", "PENDING"],
    ]);
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: a.tenantId, kind: PLAN_STEP_KIND }, orderBy: { nextAttemptAt: "asc" } });
    expect(jobs.map((j) => [(j.payload as { leadPlanStepId: string }).leadPlanStepId, j.nextAttemptAt.toISOString()])).toEqual(
      started.leadPlan.steps.map((s) => [s.id, s.dueAt.toISOString()]),
    );
    const entries = await db.activity.findMany({ where: { tenantId: a.tenantId, leadId: lead.leadId, type: "ACTION_PLAN" } });
    expect(entries.map((e) => e.title)).toEqual(["Action plan “New buyer lead” started"]);

    // Steps run: the task goes to the lead's agent, the e-mail is handed back to be written, the last step finishes the run.
    const [call, email, text] = started.leadPlan.steps;
    const first = await runStep(db, a.tenantId, call!.id);
    expect(first.action).toBe("task");
    const task = await db.task.findFirstOrThrow({ where: { tenantId: a.tenantId, leadId: lead.leadId } });
    expect(task).toMatchObject({ kind: "CALL", title: "Call within the hour", assignedMembershipId: a.agentMembershipId, dueAt: call!.dueAt });
    expect(await runStep(db, a.tenantId, email!.id, new Date("2026-11-21T15:00:00Z"))).toMatchObject({
      action: "email",
      to: { address: "lia@example.com", name: "Lia Tester" },
      subject: "Homes you may like",
    });
    await runStep(db, a.tenantId, text!.id, new Date("2026-11-22T19:00:00Z"));
    const [run] = await listLeadPlans({ tenantId: a.tenantId, leadId: lead.leadId });
    expect(run).toMatchObject({ status: "COMPLETED", steps: [{ status: "DONE" }, { status: "DONE" }, { status: "DONE" }] });
    expect(await db.task.count({ where: { tenantId: a.tenantId, leadId: lead.leadId } })).toBe(2);
    // The plan finished, so it can be started again as a new run.
    const again = await startActionPlan({ tenantId: a.tenantId, leadId: lead.leadId, planId: planA, actorUserId: a.agentUserId, now });
    expect(again).toMatchObject({ ok: true, created: true });
  });

  it("refuses another tenant's lead or plan and writes nothing", async () => {
    const { db } = testDb();
    const leadB = await seedLead(db, b.tenantId, { first: "Bo", email: "bo@example.com" });
    const leadA = await seedLead(db, a.tenantId, { first: "Al", email: "al@example.com" });
    const before = await db.leadPlan.count();
    expect(await startActionPlan({ tenantId: a.tenantId, leadId: leadB.leadId, planId: planA, actorUserId: a.ownerUserId, now })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await startActionPlan({ tenantId: a.tenantId, leadId: leadA.leadId, planId: planB, actorUserId: a.ownerUserId, now })).toEqual({
      ok: false,
      error: "plan_not_found",
    });
    expect(await db.leadPlan.count()).toBe(before);
    const runB = await startActionPlan({ tenantId: b.tenantId, leadId: leadB.leadId, planId: planB, actorUserId: b.ownerUserId, now });
    if (!runB.ok) throw new Error(runB.error);
    expect(await stopLeadPlan({ tenantId: a.tenantId, leadPlanId: runB.leadPlan.id, actorUserId: a.ownerUserId, now })).toEqual({
      ok: false,
      error: "not_found",
    });
    // A step of tenant B's run, named in a job of tenant A, finds nothing.
    expect(await runStep(db, a.tenantId, runB.leadPlan.steps[0]!.id)).toEqual({ action: "none", reason: "gone" });
    expect(await listLeadPlans({ tenantId: a.tenantId, leadId: leadB.leadId })).toEqual([]);
  });

  it("starts a plan once when eight requests start it on the same lead at the same moment", async () => {
    const { db, url } = testDb();
    const lead = await seedLead(db, a.tenantId, { first: "Cy", email: "cy@example.com", assignedMembershipId: a.agentMembershipId });
    // One pool of eight connections: the eight calls run in eight transactions at once.
    const other = createPrismaClient({ url, poolSize: 8 });
    const clients = Array.from({ length: 8 }, () => other);
    try {
      const results = await Promise.all(
        clients.map((c) => startActionPlan({ tenantId: a.tenantId, leadId: lead.leadId, planId: planA, actorUserId: a.agentUserId, now, db: c })),
      );
      expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(new Set(results.map((r) => (r.ok ? r.leadPlan.id : null))).size).toBe(1);
      expect(await db.leadPlan.count({ where: { tenantId: a.tenantId, leadId: lead.leadId } })).toBe(1);
      const stepIds = (await listLeadPlans({ tenantId: a.tenantId, leadId: lead.leadId }))[0]!.steps.map((s) => s.id);
      expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, kind: PLAN_STEP_KIND, eventId: { in: stepIds } } })).toBe(3);
      // Two workers running the same step at once, and a retry after: one task.
      const step = stepIds[0]!;
      const runs = await Promise.all(
        clients.slice(0, 4).map((c) => c.$transaction((tx) => runPlanStep(tx, { tenantId: a.tenantId, payload: { leadPlanStepId: step }, now }))),
      );
      expect(runs.filter((r) => r.action === "task")).toHaveLength(1);
      expect(await runStep(db, a.tenantId, step)).toEqual({ action: "none", reason: "not_pending" });
      expect(await db.task.count({ where: { tenantId: a.tenantId, leadId: lead.leadId } })).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("stopping a plan cancels its open steps once; their jobs then do nothing", async () => {
    const { db } = testDb();
    const lead = await seedLead(db, a.tenantId, { first: "Di", assignedMembershipId: a.agentMembershipId });
    const started = await startActionPlan({ tenantId: a.tenantId, leadId: lead.leadId, planId: planA, actorUserId: a.agentUserId, now });
    if (!started.ok) throw new Error(started.error);
    const [call, email, text] = started.leadPlan.steps;
    await runStep(db, a.tenantId, call!.id);
    const stops = await Promise.all([
      stopLeadPlan({ tenantId: a.tenantId, leadPlanId: started.leadPlan.id, leadId: lead.leadId, actorUserId: a.agentUserId, reason: "Lead replied", now }),
      stopLeadPlan({ tenantId: a.tenantId, leadPlanId: started.leadPlan.id, leadId: lead.leadId, actorUserId: a.ownerUserId, now }),
    ]);
    expect(stops.filter((s) => s.ok && s.stopped)).toHaveLength(1);
    expect((await stepsOf(db, a.tenantId, started.leadPlan.id)).map((s) => s.status)).toEqual(["DONE", "CANCELLED", "CANCELLED"]);
    expect(await runStep(db, a.tenantId, email!.id)).toEqual({ action: "none", reason: "not_pending" });
    expect(await runStep(db, a.tenantId, text!.id)).toEqual({ action: "none", reason: "not_pending" });
    const entries = await db.activity.findMany({ where: { tenantId: a.tenantId, leadId: lead.leadId, type: "ACTION_PLAN" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.title)).toEqual(["Action plan “New buyer lead” started", "Action plan “New buyer lead” stopped"]);
    // The task the first step made stays: it is a real follow-up.
    expect(await db.task.count({ where: { tenantId: a.tenantId, leadId: lead.leadId, completedAt: null } })).toBe(1);
  });

  it("marking a lead won or lost stops its plans, running or paused", async () => {
    const { db } = testDb();
    const lead = await seedLead(db, a.tenantId, { first: "Flo", email: "flo@example.com", assignedMembershipId: a.agentMembershipId });
    const started = await startActionPlan({ tenantId: a.tenantId, leadId: lead.leadId, planId: planA, actorUserId: a.agentUserId, now });
    if (!started.ok) throw new Error(started.error);
    await updateLead({ tenantId: a.tenantId, leadId: lead.leadId, change: { status: "QUALIFIED" }, actor: { userId: a.agentUserId } });
    // Another open status pauses the plan (see plan-pause.test.ts); closing the lead stops it.
    expect((await listLeadPlans({ tenantId: a.tenantId, leadId: lead.leadId }))[0]!.status).toBe("PAUSED");
    await updateLead({ tenantId: a.tenantId, leadId: lead.leadId, change: { status: "LOST" }, actor: { userId: a.agentUserId } });
    const [run] = await listLeadPlans({ tenantId: a.tenantId, leadId: lead.leadId });
    expect(run).toMatchObject({ status: "STOPPED", stoppedReason: "The lead was marked Lost." });
    expect(run!.steps.map((s) => s.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
  });

  it("skips an e-mail step for a lead without an address; an edited plan leaves runs already started alone", async () => {
    const { db } = testDb();
    const lead = await seedLead(db, a.tenantId, { first: "Ed", phone: "+12035550100" });
    const started = await startActionPlan({ tenantId: a.tenantId, leadId: lead.leadId, planId: planA, actorUserId: a.agentUserId, now });
    if (!started.ok) throw new Error(started.error);
    const edited = await updateActionPlan({
      tenantId: a.tenantId,
      planId: planA,
      change: { steps: [{ kind: "TASK", taskKind: "OTHER", title: "Only step", offsetMinutes: 5 }] },
      actorUserId: a.ownerUserId,
    });
    expect(edited).toMatchObject({ ok: true, plan: { version: 2, steps: [{ title: "Only step" }] } });
    expect(await runStep(db, a.tenantId, started.leadPlan.steps[1]!.id)).toEqual({ action: "skipped", note: "The lead has no e-mail address." });
    expect((await stepsOf(db, a.tenantId, started.leadPlan.id)).map((s) => s.title)).toEqual([
      "Call within the hour",
      "Homes like the one you asked about",
      "Text to set a showing",
    ]);
    // Archived plans start on nothing new.
    const other = await createActionPlan({ tenantId: a.tenantId, input: { ...buyerPlan, name: "Old plan" }, actorUserId: a.ownerUserId });
    await updateActionPlan({ tenantId: a.tenantId, planId: other.id, change: { archived: true }, actorUserId: a.ownerUserId });
    expect(await startActionPlan({ tenantId: a.tenantId, leadId: lead.leadId, planId: other.id, actorUserId: a.agentUserId, now })).toEqual({
      ok: false,
      error: "plan_archived",
    });
  });

  it("a routing rule starts its plan on the leads it routes, once per lead", async () => {
    const { db } = testDb();
    const t = await createCrmTenant(db, "plans-routing");
    const plan = await createActionPlan({ tenantId: t.tenantId, input: { ...buyerPlan, name: "Website buyers" }, actorUserId: t.ownerUserId });
    await expect(
      createRoutingRule({
        tenantId: t.tenantId,
        actorUserId: t.ownerUserId,
        input: ZRoutingRuleInput.parse({ name: "x", targetKind: "AGENT", targetMembershipId: t.agentMembershipId, actionPlanId: planB }),
      }),
    ).rejects.toBeInstanceOf(UnknownActionPlanError);
    await createRoutingRule({
      tenantId: t.tenantId,
      actorUserId: t.ownerUserId,
      input: ZRoutingRuleInput.parse({ name: "All to the agent", targetKind: "AGENT", targetMembershipId: t.agentMembershipId, actionPlanId: plan.id }),
    });
    const result = await submitLead(t.tenantId, { now });
    const leadId = result.leadId!;
    const runs = await listLeadPlans({ tenantId: t.tenantId, leadId });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ planName: "Website buyers", status: "ACTIVE" });
    expect(runs[0]!.routingRuleId).not.toBeNull();
    const titles = (await db.activity.findMany({ where: { tenantId: t.tenantId, leadId }, orderBy: { id: "asc" } })).map((x) => x.type);
    expect(titles).toContain("ACTION_PLAN");
  });

  it("a plan's e-mail is signed with the lead's agent's profile: display name, phone formatted for the brokerage, photo version", async () => {
    const { db } = testDb();
    await db.tenantMembership.update({
      where: { tenantId_id: { tenantId: a.tenantId, id: a.agentMembershipId } },
      data: { displayName: "Dana Signer", phone: "+12035550187", phoneExtension: null, photoSha256: "ab".repeat(32) },
    });
    try {
      const lead = await seedLead(db, a.tenantId, { first: "Sig", email: "sig@example.com", assignedMembershipId: a.agentMembershipId });
      const plan = await createActionPlan({ tenantId: a.tenantId, input: { ...buyerPlan, name: "Signed plan" }, actorUserId: a.ownerUserId });
      const started = await startActionPlan({ tenantId: a.tenantId, leadId: lead.leadId, planId: plan.id, actorUserId: a.agentUserId, now });
      if (!started.ok) throw new Error(started.error);
      const email = started.leadPlan.steps.find((step) => step.kind === "EMAIL")!;
      expect(await runStep(db, a.tenantId, email.id, new Date("2026-11-21T15:00:00Z"))).toMatchObject({
        action: "email",
        agent: { name: "Dana Signer", phone: "(203) 555-0187", membershipId: a.agentMembershipId, photoVersion: "ab".repeat(8) },
      });
    } finally {
      await db.tenantMembership.update({
        where: { tenantId_id: { tenantId: a.tenantId, id: a.agentMembershipId } },
        data: { displayName: null, phone: null, photoSha256: null },
      });
    }
  });
});
