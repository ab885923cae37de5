import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createTask, updateTask, ZTaskCreate } from "@real-estate/crm";
import { useSmtpSink } from "./support/smtp";
import { createManualClock } from "../src/clock";
import { standardJobKinds } from "../src/job-kinds";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("tasks_reminder");
const smtp = useSmtpSink();

async function agentOf(db: Db, tenantId: string, name: string) {
  const user = await db.user.create({ data: { id: crypto.randomUUID(), name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.test` } });
  return (await db.tenantMembership.create({ data: { tenantId, userId: user.id, role: "AGENT" } })).id;
}

async function leadOf(db: Db, tenantId: string, first: string, assignedMembershipId: string) {
  const contact = await db.contact.create({
    data: { tenantId, firstName: first, lastName: "Reyes", phone: "+12035550143", email: `${first.toLowerCase()}@example.org`, source: "website_contact" },
  });
  return db.lead.create({ data: { tenantId, contactId: contact.id, source: "website_contact", assignedMembershipId } });
}

describe("task reminders", () => {
  it("e-mail the assignee once at the due time, never before, not again on a re-run, and follow a new due time", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "remind-a" });
    const b = await createTenantFixture(db, { slug: "remind-b" });
    const ann = await agentOf(db, a.tenantId, "Ann Agent");
    const bea = await agentOf(db, b.tenantId, "Bea Agent");
    const leadA = await leadOf(db, a.tenantId, "Dana", ann);
    const leadB = await leadOf(db, b.tenantId, "Eli", bea);
    const start = new Date(Date.now() + 1_000);
    const due = new Date(start.getTime() + 3_600_000);
    const made = await createTask({
      tenantId: a.tenantId,
      input: ZTaskCreate.parse({ kind: "CALL", title: "Call Dana back", notes: "Asked about the garden", dueAt: due, leadId: leadA.id }),
      actor: { userId: null },
    });
    const other = await createTask({
      tenantId: b.tenantId,
      input: ZTaskCreate.parse({ kind: "SHOWING", title: "Show 12 Elm", dueAt: due, leadId: leadB.id }),
      actor: { userId: null },
    });
    const done = await createTask({
      tenantId: a.tenantId,
      input: ZTaskCreate.parse({ kind: "EMAIL", title: "Done before due", dueAt: due, leadId: leadA.id }),
      actor: { userId: null },
    });
    if (!made.ok || !other.ok || !done.ok) throw new Error("not created");
    await updateTask({ tenantId: a.tenantId, taskId: done.task.id, change: { done: true }, actor: { userId: null } });
    smtp.sink.clear();
    const clock = createManualClock(start);
    const { worker } = testWorker(db, { clock, kinds: standardJobKinds({ transport: smtp.transport }) });
    const drain = async () => {
      // Reminders write e-mails, whose delivery jobs the next pass sends.
      await worker.drainOnce();
      await worker.drainOnce();
    };
    await drain();
    expect(smtp.sink.messages()).toHaveLength(0);
    clock.set(new Date(due.getTime() - 60_000));
    await drain();
    expect(smtp.sink.messages()).toHaveLength(0);
    clock.set(new Date(due.getTime() + 1_000));
    await drain();
    await expect.poll(() => smtp.sink.messages().length, { timeout: 10_000 }).toBe(2);
    const byRecipient = new Map(smtp.sink.messages().map((m) => [m.envelope.to[0], m]));
    const mail = byRecipient.get("ann.agent@example.test")!;
    expect(mail.subject).toBe("Due now: Call – Call Dana back");
    expect(mail.from).toContain("remind-a@");
    expect(mail.text).toContain("+12035550143");
    expect(mail.text).toContain("Asked about the garden");
    expect(mail.html).toMatch(new RegExp(`href="http://[^"]+/leads/${leadA.id}"`));
    expect(byRecipient.get("bea.agent@example.test")!.subject).toBe("Due now: Showing – Show 12 Elm");
    expect(byRecipient.get("bea.agent@example.test")!.html).not.toContain("remind-a");
    expect((await db.task.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: made.task.id } } })).remindedDueAt?.toISOString()).toBe(
      due.toISOString(),
    );

    // Every job runs again (completions lost, as after a crash): nothing is sent twice.
    await db.ingestionJob.updateMany({
      where: { tenantId: { in: [a.tenantId, b.tenantId] } },
      data: { status: "PENDING", completedAt: null, lockedBy: null, leaseExpiresAt: null, nextAttemptAt: new Date(due.getTime() - 1) },
    });
    await drain();
    expect(smtp.sink.messages()).toHaveLength(2);
    expect(await db.emailMessage.count({ where: { template: "task-reminder" } })).toBe(2);

    // Rescheduled: reminded again at the new time, once.
    const later = new Date(due.getTime() + 86_400_000);
    await updateTask({ tenantId: a.tenantId, taskId: made.task.id, change: { dueAt: later }, actor: { userId: null }, now: clock.now() });
    await drain();
    expect(smtp.sink.messages()).toHaveLength(2);
    clock.set(new Date(later.getTime() + 1_000));
    await drain();
    await expect.poll(() => smtp.sink.messages().length, { timeout: 10_000 }).toBe(3);
    expect(smtp.sink.messages()[2]!.envelope.to).toEqual(["ann.agent@example.test"]);
  });

  it("address the assignee by their member profile's name in the task's tenant, else their account's name", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "remind-profile-a" });
    const b = await createTenantFixture(db, { slug: "remind-profile-b" });
    const user = await db.user.create({ data: { id: crypto.randomUUID(), name: "Annabel Agent", email: "annabel@example.test" } });
    const inA = await db.tenantMembership.create({ data: { tenantId: a.tenantId, userId: user.id, role: "AGENT", displayName: "Annie Agent" } });
    const inB = await db.tenantMembership.create({ data: { tenantId: b.tenantId, userId: user.id, role: "AGENT" } });
    const start = new Date(Date.now() + 1_000);
    const due = new Date(start.getTime() + 3_600_000);
    for (const [tenantId, membershipId, first] of [
      [a.tenantId, inA.id, "Pia"],
      [b.tenantId, inB.id, "Rex"],
    ] as const) {
      const lead = await leadOf(db, tenantId, first, membershipId);
      const task = await createTask({
        tenantId,
        input: ZTaskCreate.parse({ kind: "CALL", title: `Call ${first}`, dueAt: due, leadId: lead.id }),
        actor: { userId: null },
      });
      if (!task.ok) throw new Error("not created");
    }
    const clock = createManualClock(new Date(due.getTime() + 1_000));
    const { worker } = testWorker(db, { clock, kinds: standardJobKinds({ transport: smtp.transport }) });
    await worker.drainOnce();
    const mails = await db.emailMessage.findMany({
      where: { tenantId: { in: [a.tenantId, b.tenantId] }, template: "task-reminder" },
      orderBy: { fromAddress: "asc" },
    });
    expect(mails.map((m) => [m.fromAddress, m.toAddress, m.toName])).toEqual([
      ["remind-profile-a@mail.platform.example", "annabel@example.test", "Annie Agent"],
      ["remind-profile-b@mail.platform.example", "annabel@example.test", "Annabel Agent"],
    ]);
    expect(mails[0]!.text).toContain("Annie Agent, this task is due");
    expect(mails[1]!.text).toContain("Annabel Agent, this task is due");
  });
});
