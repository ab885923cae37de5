import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createActionPlan, startActionPlan, stopLeadPlan } from "@real-estate/crm";
import { useSmtpSink } from "./support/smtp";
import { createManualClock } from "../src/clock";
import { standardJobKinds } from "../src/job-kinds";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("crm17_plan_steps");
const smtp = useSmtpSink();

async function agentOf(db: Db, tenantId: string, name: string) {
  const user = await db.user.create({ data: { id: crypto.randomUUID(), name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.test` } });
  return { membershipId: (await db.tenantMembership.create({ data: { tenantId, userId: user.id, role: "AGENT" } })).id, userId: user.id };
}

async function leadOf(db: Db, tenantId: string, first: string, assignedMembershipId: string) {
  const contact = await db.contact.create({
    data: { tenantId, firstName: first, lastName: "Reyes", email: `${first.toLowerCase()}@example.org`, source: "website_contact" },
  });
  return db.lead.create({ data: { tenantId, contactId: contact.id, source: "website_contact", assignedMembershipId } });
}

const DAY = 1440;
const steps = [
  { kind: "TASK" as const, taskKind: "CALL" as const, title: "Call to welcome", offsetMinutes: 0 },
  { kind: "EMAIL" as const, title: "Day-one e-mail", offsetMinutes: DAY, emailSubject: "Homes you may like", emailBody: "Thank you for asking.\n\nMore soon." },
  { kind: "TASK" as const, taskKind: "TEXT" as const, title: "Text about a showing", offsetMinutes: 3 * DAY },
];

describe("action plan steps in the worker", () => {
  it("make each step's task or e-mail at its time, once, and nothing after the plan stops", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "plans-worker-a" });
    const b = await createTenantFixture(db, { slug: "plans-worker-b" });
    const ann = await agentOf(db, a.tenantId, "Ann Agent");
    const bea = await agentOf(db, b.tenantId, "Bea Agent");
    const leadA = await leadOf(db, a.tenantId, "Dana", ann.membershipId);
    const leadB = await leadOf(db, b.tenantId, "Eli", bea.membershipId);
    const planA = await createActionPlan({ tenantId: a.tenantId, input: { name: "Buyers", steps }, actorUserId: null });
    const planB = await createActionPlan({ tenantId: b.tenantId, input: { name: "Buyers", steps }, actorUserId: null });
    const start = new Date(Date.now() + 1_000);
    const runA = await startActionPlan({ tenantId: a.tenantId, leadId: leadA.id, planId: planA.id, actorUserId: ann.userId, now: start });
    const runB = await startActionPlan({ tenantId: b.tenantId, leadId: leadB.id, planId: planB.id, actorUserId: bea.userId, now: start });
    if (!runA.ok || !runB.ok) throw new Error("not started");
    smtp.sink.clear();
    const clock = createManualClock(new Date(start.getTime() + 1_000));
    const { worker } = testWorker(db, { clock, kinds: standardJobKinds({ transport: smtp.transport }) });
    const drain = async () => {
      await worker.drainOnce();
      await worker.drainOnce();
    };
    await drain();
    const tasksOf = (tenantId: string, leadId: string) => db.task.findMany({ where: { tenantId, leadId }, orderBy: { dueAt: "asc" } });
    expect((await tasksOf(a.tenantId, leadA.id)).map((t) => [t.title, t.assignedMembershipId])).toEqual([["Call to welcome", ann.membershipId]]);
    expect((await tasksOf(b.tenantId, leadB.id)).map((t) => [t.title, t.assignedMembershipId])).toEqual([["Call to welcome", bea.membershipId]]);
    expect(smtp.sink.messages()).toHaveLength(0);

    // B stops its plan before day one: only A's lead gets the e-mail.
    await stopLeadPlan({ tenantId: b.tenantId, leadPlanId: runB.leadPlan.id, actorUserId: bea.userId, reason: "Lead replied" });
    clock.set(new Date(start.getTime() + DAY * 60_000 + 1_000));
    await drain();
    await expect.poll(() => smtp.sink.messages().length, { timeout: 10_000 }).toBe(1);
    const mail = smtp.sink.messages()[0]!;
    expect(mail.envelope.to).toEqual(["dana@example.org"]);
    expect(mail.subject).toBe("Homes you may like");
    expect(mail.text).toContain("Thank you for asking.");
    expect(mail.text).toContain("Ann Agent");
    expect(mail.from).toContain("plans-worker-a@");

    // Every job again (a worker retry): nothing new.
    await db.$executeRaw`UPDATE "IngestionJob" SET status = 'PENDING', "nextAttemptAt" = now() - interval '1 second' WHERE kind = 'plan.step'`;
    clock.set(new Date(start.getTime() + 3 * DAY * 60_000 + 1_000));
    await drain();
    await drain();
    expect((await tasksOf(a.tenantId, leadA.id)).map((t) => t.title)).toEqual(["Call to welcome", "Text about a showing"]);
    expect((await tasksOf(b.tenantId, leadB.id)).map((t) => t.title)).toEqual(["Call to welcome"]);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.sink.messages()).toHaveLength(1);
    expect(await db.leadPlan.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: runA.leadPlan.id } } })).toMatchObject({
      status: "COMPLETED",
    });
  });
});
