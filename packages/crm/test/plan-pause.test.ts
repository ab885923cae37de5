import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@real-estate/db";
import { useTestDatabase } from "@real-estate/db/testing";
import {
  bulkAssignLeads,
  createActionPlan,
  describePause,
  listLeadPlans,
  PLAN_STEP_KIND,
  processWebsiteEvent,
  resumeLeadPlan,
  runPlanStep,
  startActionPlan,
  stopLeadPlan,
  updateLead,
  ZActionPlanInput,
} from "../src";
import { createCrmTenant, seedLead, type CrmTenant } from "./support/crm-fixtures";
import { addAgent } from "./support/routing-fixtures";
import { leadSubmitted } from "@real-estate/queue/testing";

const testDb = useTestDatabase("p17_plan_pause");
const start = new Date("2026-11-20T15:00:00Z");
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

const plan = ZActionPlanInput.parse({
  name: "Buyer follow-up",
  steps: [
    { kind: "TASK", taskKind: "CALL", title: "First call", offsetMinutes: 0 },
    { kind: "TASK", taskKind: "TEXT", title: "Second touch", offsetMinutes: 1440 },
    { kind: "EMAIL", title: "Check in", offsetMinutes: 3 * 1440, emailSubject: "Still looking?", emailBody: "Hello again." },
  ],
});

function runStep(db: Db, tenantId: string, payload: { leadPlanStepId: string; rescheduled?: number }, at: Date) {
  return db.$transaction((tx) => runPlanStep(tx, { tenantId, payload, now: at }));
}

async function timeline(db: Db, tenantId: string, leadId: string) {
  const rows = await db.activity.findMany({ where: { tenantId, leadId, type: "ACTION_PLAN" }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => r.title);
}

/** A website lead (processed as the worker would), with the tenant's plan started on it at `start`. */
async function websiteLeadWithPlan(t: CrmTenant, planId: string, email: string) {
  const { db } = testDb();
  const first = await processWebsiteEvent({ tenantId: t.tenantId, event: leadSubmitted(t.tenantId, { firstName: "Pat", email }), now: start });
  if (first.outcome !== "applied") throw new Error("expected a lead");
  await db.lead.update({ where: { tenantId_id: { tenantId: t.tenantId, id: first.leadId } }, data: { assignedMembershipId: t.agentMembershipId } });
  const started = await startActionPlan({ tenantId: t.tenantId, leadId: first.leadId, planId, actorUserId: t.agentUserId, now: start });
  if (!started.ok) throw new Error(started.error);
  return { leadId: first.leadId, run: started.leadPlan };
}

describe("action plans pause on a reply, a status change or a reassignment, and resume by hand (two tenants)", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  let planA: string;
  let planB: string;

  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "pause-a");
    b = await createCrmTenant(db, "pause-b");
    planA = (await createActionPlan({ tenantId: a.tenantId, input: plan, actorUserId: a.ownerUserId })).id;
    planB = (await createActionPlan({ tenantId: b.tenantId, input: plan, actorUserId: b.ownerUserId })).id;
  });

  it("describes how long a plan was held, in words", () => {
    expect(describePause(0)).toBe("less than a minute");
    expect(describePause(45 * 60_000)).toBe("45 minutes");
    expect(describePause(2 * DAY + 3 * HOUR + 10 * 60_000)).toBe("2 days 3 hours");
  });

  it("a reply from the person pauses the plan; its due steps do nothing; resuming moves the open steps on by the pause", async () => {
    const { db } = testDb();
    // The same address in both tenants: tenant B's person replying must not touch tenant A's plan.
    const email = "pat.reply@example.org";
    const { leadId, run } = await websiteLeadWithPlan(a, planA, email);
    const inB = await websiteLeadWithPlan(b, planB, email);
    const [call, text, mail] = run.steps;
    expect(await runStep(db, a.tenantId, { leadPlanStepId: call!.id }, start)).toMatchObject({ action: "task" });

    // Saving a home is browsing, not a reply: the plan goes on.
    const saved = await processWebsiteEvent({
      tenantId: a.tenantId,
      event: {
        eventId: crypto.randomUUID(),
        tenantId: a.tenantId,
        occurredAt: new Date(start.getTime() + HOUR).toISOString(),
        type: "listing.saved",
        payload: { visitorId: "visitor-1", contact: { firstName: "Pat", email }, listingKey: "FF-1" },
      },
      now: new Date(start.getTime() + HOUR),
    });
    expect(saved).toMatchObject({ outcome: "applied", leadId, leadCreated: false });
    expect((await listLeadPlans({ tenantId: a.tenantId, leadId }))[0]!.status).toBe("ACTIVE");

    const repliedAt = new Date(start.getTime() + 6 * HOUR);
    const reply = await processWebsiteEvent({
      tenantId: a.tenantId,
      event: leadSubmitted(a.tenantId, { firstName: "Pat", email }, { message: "Can we see it Saturday?" }),
      now: repliedAt,
    });
    expect(reply).toMatchObject({ outcome: "applied", leadId, leadCreated: false });
    const [paused] = await listLeadPlans({ tenantId: a.tenantId, leadId });
    expect(paused).toMatchObject({ status: "PAUSED", pausedAt: repliedAt });
    expect(paused!.pausedReason).toMatch(/^The lead replied/);
    expect((await listLeadPlans({ tenantId: b.tenantId, leadId: inB.leadId }))[0]!.status).toBe("ACTIVE");

    // The second step falls due while the plan is paused: its job does nothing.
    const textDue = new Date(start.getTime() + DAY);
    expect(await runStep(db, a.tenantId, { leadPlanStepId: text!.id }, textDue)).toEqual({ action: "none", reason: "not_pending" });
    expect(await db.task.count({ where: { tenantId: a.tenantId, leadId } })).toBe(1);

    // Another tenant cannot resume it; the agent resumes it two days after the reply.
    expect(await resumeLeadPlan({ tenantId: b.tenantId, leadPlanId: run.id, actorUserId: b.agentUserId, now: repliedAt })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await resumeLeadPlan({ tenantId: a.tenantId, leadPlanId: run.id, leadId: inB.leadId, actorUserId: a.agentUserId })).toEqual({
      ok: false,
      error: "not_found",
    });
    const resumedAt = new Date(repliedAt.getTime() + 2 * DAY);
    const resumed = await resumeLeadPlan({ tenantId: a.tenantId, leadPlanId: run.id, leadId, actorUserId: a.agentUserId, now: resumedAt });
    if (!resumed.ok) throw new Error(resumed.error);
    expect(resumed.resumed).toBe(true);
    expect(resumed.leadPlan.status).toBe("ACTIVE");
    // Each open step keeps its distance from the others: both move on by the two days the plan was held.
    expect(resumed.leadPlan.steps.map((s) => [s.status, s.dueAt.toISOString()])).toEqual([
      ["DONE", call!.dueAt.toISOString()],
      ["PENDING", new Date(text!.dueAt.getTime() + 2 * DAY).toISOString()],
      ["PENDING", new Date(mail!.dueAt.getTime() + 2 * DAY).toISOString()],
    ]);
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: a.tenantId, kind: PLAN_STEP_KIND, eventId: `${mail!.id}:1` } });
    expect(jobs.map((j) => [j.payload, j.nextAttemptAt.toISOString()])).toEqual([
      [{ leadPlanStepId: mail!.id, rescheduled: 1 }, new Date(mail!.dueAt.getTime() + 2 * DAY).toISOString()],
    ]);

    // The job queued before the pause, running at the step's old time, is stale; the new one runs it once.
    const mailOldDue = mail!.dueAt;
    expect(await runStep(db, a.tenantId, { leadPlanStepId: mail!.id }, mailOldDue)).toEqual({ action: "none", reason: "stale" });
    expect(await runStep(db, a.tenantId, { leadPlanStepId: text!.id, rescheduled: 1 }, resumedAt)).toMatchObject({ action: "task" });
    expect(await runStep(db, a.tenantId, { leadPlanStepId: mail!.id, rescheduled: 1 }, resumedAt)).toMatchObject({
      action: "email",
      to: { address: email },
    });
    expect(await runStep(db, a.tenantId, { leadPlanStepId: mail!.id, rescheduled: 1 }, resumedAt)).toEqual({ action: "none", reason: "not_pending" });
    expect(await timeline(db, a.tenantId, leadId)).toEqual([
      "Action plan “Buyer follow-up” started",
      "Action plan “Buyer follow-up” paused",
      "Action plan “Buyer follow-up” resumed",
      "Action plan “Buyer follow-up” finished: every step ran",
    ]);
    const resumedEntry = await db.activity.findFirstOrThrow({ where: { tenantId: a.tenantId, leadId, type: "ACTION_PLAN", title: { contains: "resumed" } } });
    expect(resumedEntry.body).toBe("Paused for 2 days; 2 open steps moved on by as much.");
    expect(resumedEntry.actorUserId).toBe(a.agentUserId);
  });

  it("a first assignment does not pause; a status change or a move to another agent does", async () => {
    const { db } = testDb();
    const other = await addAgent(db, a.tenantId, "Second Agent");
    const lead1 = await seedLead(db, a.tenantId, { first: "Ro", email: "ro@example.org" });
    const s1 = await startActionPlan({ tenantId: a.tenantId, leadId: lead1.leadId, planId: planA, actorUserId: a.ownerUserId, now: start });
    if (!s1.ok) throw new Error(s1.error);
    // Unassigned → an agent: the plan goes on.
    await updateLead({ tenantId: a.tenantId, leadId: lead1.leadId, change: { assignedMembershipId: a.agentMembershipId }, actor: { userId: a.ownerUserId } });
    expect((await listLeadPlans({ tenantId: a.tenantId, leadId: lead1.leadId }))[0]!.status).toBe("ACTIVE");
    // From that agent to another (in bulk, as the leads page does): paused, saying to whom.
    await bulkAssignLeads({ tenantId: a.tenantId, leadIds: [lead1.leadId], assignedMembershipId: other, actor: { userId: a.ownerUserId } });
    const [byMove] = await listLeadPlans({ tenantId: a.tenantId, leadId: lead1.leadId });
    expect(byMove).toMatchObject({ status: "PAUSED", pausedReason: "The lead was assigned to Second Agent." });

    const lead2 = await seedLead(db, a.tenantId, { first: "Sy", assignedMembershipId: a.agentMembershipId });
    const s2 = await startActionPlan({ tenantId: a.tenantId, leadId: lead2.leadId, planId: planA, actorUserId: a.agentUserId, now: start });
    if (!s2.ok) throw new Error(s2.error);
    await updateLead({ tenantId: a.tenantId, leadId: lead2.leadId, change: { status: "QUALIFIED" }, actor: { userId: a.agentUserId } });
    const [byStatus] = await listLeadPlans({ tenantId: a.tenantId, leadId: lead2.leadId });
    expect(byStatus).toMatchObject({ status: "PAUSED", pausedReason: "The lead's status changed to Qualified." });
    // Starting the same plan again answers the paused run; a paused plan can be stopped, and then not resumed.
    expect(await startActionPlan({ tenantId: a.tenantId, leadId: lead2.leadId, planId: planA, actorUserId: a.agentUserId })).toMatchObject({
      ok: true,
      created: false,
      leadPlan: { id: s2.leadPlan.id, status: "PAUSED" },
    });
    await updateLead({ tenantId: a.tenantId, leadId: lead2.leadId, change: { status: "LOST" }, actor: { userId: a.agentUserId } });
    const [closed] = await listLeadPlans({ tenantId: a.tenantId, leadId: lead2.leadId });
    expect(closed).toMatchObject({ status: "STOPPED", stoppedReason: "The lead was marked Lost." });
    expect(closed!.steps.map((s) => s.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(await resumeLeadPlan({ tenantId: a.tenantId, leadPlanId: s2.leadPlan.id, actorUserId: a.agentUserId })).toMatchObject({
      ok: true,
      resumed: false,
      leadPlan: { status: "STOPPED" },
    });
    expect(await stopLeadPlan({ tenantId: a.tenantId, leadPlanId: s1.leadPlan.id, actorUserId: a.ownerUserId })).toMatchObject({ ok: true, stopped: true });
  });

  it("under concurrency: eight resumes make one resume and one new job per step; a pause racing the step's job leaves one outcome", async () => {
    const { db, url } = testDb();
    const pool = createPrismaClient({ url, poolSize: 8 });
    try {
      const { leadId, run } = await websiteLeadWithPlan(a, planA, "pat.race@example.org");
      await updateLead({ tenantId: a.tenantId, leadId, change: { status: "CONTACTED" }, actor: { userId: a.agentUserId } });
      const resumedAt = new Date(start.getTime() + HOUR);
      const resumes = await Promise.all(
        Array.from({ length: 8 }, () => resumeLeadPlan({ tenantId: a.tenantId, leadPlanId: run.id, actorUserId: a.agentUserId, now: resumedAt, db: pool })),
      );
      expect(resumes.filter((r) => r.ok && r.resumed)).toHaveLength(1);
      const steps = await db.leadPlanStep.findMany({ where: { tenantId: a.tenantId, leadPlanId: run.id }, orderBy: { position: "asc" } });
      expect(steps.map((s) => s.rescheduled)).toEqual([1, 1, 1]);
      expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, kind: PLAN_STEP_KIND, eventId: { in: steps.map((s) => `${s.id}:1`) } } })).toBe(3);
      expect((await timeline(db, a.tenantId, leadId)).filter((t) => t.endsWith("resumed"))).toHaveLength(1);

      // A reply and four workers running the first step, all at once: the step runs at most once,
      // and if it ran, it ran before the pause (the run is locked first by both).
      const first = steps[0]!;
      const [, ...outcomes] = await Promise.all([
        processWebsiteEvent({
          tenantId: a.tenantId,
          event: leadSubmitted(a.tenantId, { firstName: "Pat", email: "pat.race@example.org" }),
          now: resumedAt,
          db: pool,
        }),
        ...Array.from({ length: 4 }, () => runStep(pool, a.tenantId, { leadPlanStepId: first.id, rescheduled: 1 }, resumedAt)),
      ]);
      const made = outcomes.filter((o) => o.action === "task");
      expect(made.length).toBeLessThanOrEqual(1);
      expect(await db.task.count({ where: { tenantId: a.tenantId, leadId } })).toBe(made.length);
      const [after] = await listLeadPlans({ tenantId: a.tenantId, leadId });
      expect(after!.status).toBe("PAUSED");
      expect(after!.steps[0]!.status).toBe(made.length === 1 ? "DONE" : "PENDING");
      expect((await timeline(db, a.tenantId, leadId)).filter((t) => t.endsWith("paused"))).toHaveLength(2);
    } finally {
      await pool.$disconnect();
    }
  });
});
