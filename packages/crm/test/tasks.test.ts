import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@real-estate/db";
import { useTestDatabase } from "@real-estate/db/testing";
import { completeTask, createTask, getMyDay, getTask, listTasks, removeMembership, TASK_REMINDER_KIND, updateTask, ZTaskCreate } from "../src";
import { createCrmTenant, seedLead, type CrmTenant } from "./support/crm-fixtures";

const testDb = useTestDatabase("crm_tasks");
// 10:00 in New York on Friday 20 November 2026.
const now = new Date("2026-11-20T15:00:00Z");
const at = (iso: string) => new Date(iso);
const input = (o: Record<string, unknown>) => ZTaskCreate.parse({ kind: "CALL", title: "Call back", ...o });

describe("tasks (two tenants)", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  let leadA: { leadId: string; contactId: string };
  let leadB: { leadId: string; contactId: string };

  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "tasks-a");
    b = await createCrmTenant(db, "tasks-b");
    leadA = await seedLead(db, a.tenantId, {
      first: "Lia",
      email: "lia@example.com",
      createdAt: at("2026-11-20T14:00:00Z"),
      assignedMembershipId: a.agentMembershipId,
    });
    leadB = await seedLead(db, b.tenantId, { first: "Bo", email: "bo@example.com", createdAt: at("2026-11-20T14:00:00Z") });
  });

  it("creates a task on a lead for the lead's agent and queues one reminder for its due time", async () => {
    const { db } = testDb();
    const due = at("2026-11-20T20:00:00Z");
    const made = await createTask({
      tenantId: a.tenantId,
      input: input({ leadId: leadA.leadId, dueAt: due.toISOString() }),
      actor: { userId: a.ownerUserId },
      now,
    });
    expect(made).toMatchObject({
      ok: true,
      task: { kind: "CALL", contactId: leadA.contactId, leadId: leadA.leadId, assignedMembershipId: a.agentMembershipId, completedAt: null },
    });
    if (!made.ok) throw new Error("not created");
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: a.tenantId, kind: TASK_REMINDER_KIND } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.nextAttemptAt.toISOString()).toBe(due.toISOString());
    expect(jobs[0]!.payload).toEqual({ taskId: made.task.id, dueAt: due.toISOString() });
    // Saving the same due time again queues nothing new; a new due time queues its own reminder.
    await updateTask({
      tenantId: a.tenantId,
      taskId: made.task.id,
      change: { dueAt: due, title: "Call back about the garden" },
      actor: { userId: a.agentUserId },
      now,
    });
    expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, kind: TASK_REMINDER_KIND } })).toBe(1);
    const later = at("2026-11-21T15:00:00Z");
    const moved = await updateTask({ tenantId: a.tenantId, taskId: made.task.id, change: { dueAt: later }, actor: { userId: a.agentUserId }, now });
    expect(moved).toMatchObject({ ok: true, changed: true, task: { title: "Call back about the garden", version: 3 } });
    expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, kind: TASK_REMINDER_KIND } })).toBe(2);
    // A task already overdue when written gets no reminder: the agent is looking at it.
    await createTask({
      tenantId: a.tenantId,
      input: input({ contactId: leadA.contactId, dueAt: "2026-11-20T14:00:00Z", kind: "OTHER", title: "Send the brochure" }),
      actor: { userId: a.agentUserId },
      actorMembershipId: a.agentMembershipId,
      now,
    });
    expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, kind: TASK_REMINDER_KIND } })).toBe(2);
  });

  it("refuses another tenant's lead, contact and member, and changes nothing", async () => {
    const { db } = testDb();
    const before = await db.task.count();
    const due = "2026-11-21T15:00:00Z";
    expect(await createTask({ tenantId: a.tenantId, input: input({ leadId: leadB.leadId, dueAt: due }), actor: { userId: a.agentUserId }, now })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await createTask({ tenantId: a.tenantId, input: input({ contactId: leadB.contactId, dueAt: due }), actor: { userId: a.agentUserId }, now })).toEqual(
      { ok: false, error: "not_found" },
    );
    expect(
      await createTask({
        tenantId: a.tenantId,
        input: input({ leadId: leadA.leadId, dueAt: due, assignedMembershipId: b.agentMembershipId }),
        actor: { userId: a.agentUserId },
        now,
      }),
    ).toEqual({
      ok: false,
      error: "unknown_assignee",
    });
    const mine = await createTask({
      tenantId: b.tenantId,
      input: input({ leadId: leadB.leadId, dueAt: due }),
      actor: { userId: b.agentUserId },
      actorMembershipId: b.agentMembershipId,
      now,
    });
    if (!mine.ok) throw new Error("not created");
    expect(mine.task.assignedMembershipId).toBe(b.agentMembershipId); // unassigned lead: the creator
    expect(await getTask({ tenantId: a.tenantId, taskId: mine.task.id })).toBeNull();
    expect(await updateTask({ tenantId: a.tenantId, taskId: mine.task.id, change: { done: true }, actor: { userId: a.agentUserId }, now })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect((await listTasks({ tenantId: a.tenantId, filters: { status: "all" } })).items.some((t) => t.id === mine.task.id)).toBe(false);
    expect(await db.task.count()).toBe(before + 1);
    expect((await db.task.findUniqueOrThrow({ where: { tenantId_id: { tenantId: b.tenantId, id: mine.task.id } } })).completedAt).toBeNull();
  });

  it("sorts a member's open tasks into overdue, today and upcoming in the tenant's time zone, counts matching the lists", async () => {
    const { db } = testDb();
    const t = await createCrmTenant(db, "tasks-day");
    const lead = await seedLead(db, t.tenantId, { first: "Day", createdAt: at("2026-11-19T14:00:00Z"), assignedMembershipId: t.agentMembershipId });
    const mk = (dueAt: string, title: string, assignee = t.agentMembershipId) =>
      createTask({
        tenantId: t.tenantId,
        input: input({ leadId: lead.leadId, dueAt, title, assignedMembershipId: assignee }),
        actor: { userId: t.ownerUserId },
        now,
      });
    await mk("2026-11-19T20:00:00Z", "yesterday");
    await mk("2026-11-20T14:59:00Z", "a minute ago");
    await mk("2026-11-20T15:30:00Z", "this morning");
    await mk("2026-11-21T04:59:00Z", "23:59 tonight"); // still 20 Nov in New York
    await mk("2026-11-21T05:00:00Z", "midnight"); // 21 Nov in New York
    await mk("2026-11-27T16:00:00Z", "next week");
    await mk("2026-12-20T16:00:00Z", "next month");
    await mk("2026-11-20T16:00:00Z", "the owner's", t.ownerMembershipId);
    const done = await mk("2026-11-20T13:00:00Z", "done already");
    if (!done.ok) throw new Error("not created");
    await completeTask({ tenantId: t.tenantId, taskId: done.task.id, actor: { userId: t.agentUserId }, now });
    const day = await getMyDay({ tenantId: t.tenantId, membershipId: t.agentMembershipId, timeZone: "America/New_York", now });
    const titles = (bucket: { items: { title: string }[] }) => bucket.items.map((x) => x.title);
    expect(titles(day.overdue)).toEqual(["yesterday", "a minute ago"]);
    expect(titles(day.today)).toEqual(["this morning", "23:59 tonight"]);
    expect(titles(day.upcoming)).toEqual(["midnight", "next week"]);
    expect([day.overdue.count, day.today.count, day.upcoming.count]).toEqual([2, 2, 2]);
    const short = await getMyDay({ tenantId: t.tenantId, membershipId: t.agentMembershipId, timeZone: "America/New_York", now, limit: 1 });
    expect(short.overdue).toMatchObject({ count: 2, items: [{ title: "yesterday" }] });
    // Another tenant's member sees none of them.
    const other = await getMyDay({ tenantId: a.tenantId, membershipId: t.agentMembershipId, timeZone: "America/New_York", now });
    expect([other.overdue.count, other.today.count, other.upcoming.count]).toEqual([0, 0, 0]);
    // Lists page by due time.
    const first = await listTasks({ tenantId: t.tenantId, filters: { assignedTo: [t.agentMembershipId] }, limit: 4 });
    const second = await listTasks({ tenantId: t.tenantId, filters: { assignedTo: [t.agentMembershipId] }, limit: 4, cursor: first.nextCursor! });
    expect([...titles(first), ...titles(second)]).toEqual([
      "yesterday",
      "a minute ago",
      "this morning",
      "23:59 tonight",
      "midnight",
      "next week",
      "next month",
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("completing a task logs one activity and counts as first contact, even when two people complete it at once", async () => {
    const { db, url } = testDb();
    const lead = await seedLead(db, a.tenantId, { first: "Race", createdAt: at("2026-11-20T14:00:00Z"), assignedMembershipId: a.agentMembershipId });
    const made = await createTask({
      tenantId: a.tenantId,
      input: input({ leadId: lead.leadId, dueAt: "2026-11-20T16:00:00Z", title: "First call" }),
      actor: { userId: a.ownerUserId },
      now,
    });
    if (!made.ok) throw new Error("not created");
    const other = createPrismaClient({ url, poolSize: 4 });
    try {
      const results = await Promise.all([
        completeTask({ tenantId: a.tenantId, taskId: made.task.id, outcome: "Spoke, wants a showing", actor: { userId: a.agentUserId }, now }),
        completeTask({ tenantId: a.tenantId, taskId: made.task.id, outcome: "Spoke", actor: { userId: a.ownerUserId }, now, db: other }),
        completeTask({ tenantId: a.tenantId, taskId: made.task.id, actor: { userId: a.ownerUserId }, now, db: other }),
      ]);
      expect(results.filter((r) => r.ok && r.completed)).toHaveLength(1);
    } finally {
      await other.$disconnect();
    }
    const activities = await db.activity.findMany({ where: { tenantId: a.tenantId, leadId: lead.leadId, type: "TASK_COMPLETED" } });
    expect(activities).toHaveLength(1);
    expect(activities[0]!.title).toBe("Call done: First call");
    expect(activities[0]!.metadata).toMatchObject({ taskId: made.task.id, kind: "CALL" });
    const after = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: lead.leadId } } });
    expect(after.firstContactedAt?.toISOString()).toBe(now.toISOString());
    expect((await getTask({ tenantId: a.tenantId, taskId: made.task.id }))?.completedAt?.toISOString()).toBe(now.toISOString());
    // Reopening puts it back on the list; a stale version is refused.
    expect(
      await updateTask({ tenantId: a.tenantId, taskId: made.task.id, change: { done: false }, expectedVersion: 1, actor: { userId: a.agentUserId }, now }),
    ).toMatchObject({ ok: false, error: "version_mismatch" });
    expect(await updateTask({ tenantId: a.tenantId, taskId: made.task.id, change: { done: false }, actor: { userId: a.agentUserId }, now })).toMatchObject({
      ok: true,
      task: { completedAt: null },
    });
  });

  it("a removed member's tasks stay, unassigned", async () => {
    const { db } = testDb();
    const t = await createCrmTenant(db, "tasks-rm");
    const lead = await seedLead(db, t.tenantId, { first: "Kept", createdAt: at("2026-11-20T14:00:00Z"), assignedMembershipId: t.agentMembershipId });
    const made = await createTask({
      tenantId: t.tenantId,
      input: input({ leadId: lead.leadId, dueAt: "2026-11-20T16:00:00Z" }),
      actor: { userId: t.ownerUserId },
      now,
    });
    if (!made.ok) throw new Error("not created");
    expect(await removeMembership({ tenantId: t.tenantId, membershipId: t.agentMembershipId, actorUserId: t.ownerUserId })).toBe(true);
    expect(await getTask({ tenantId: t.tenantId, taskId: made.task.id })).toMatchObject({ assignedMembershipId: null, completedAt: null });
    expect((await listTasks({ tenantId: t.tenantId, filters: { assignedTo: [null] } })).items.map((x) => x.id)).toEqual([made.task.id]);
  });

  it("validates input: kind, title, due time, and a lead or a contact", () => {
    expect(ZTaskCreate.safeParse({ kind: "FAX", title: "x", dueAt: "2026-11-21T15:00:00Z", leadId: leadA.leadId }).success).toBe(false);
    expect(ZTaskCreate.safeParse({ kind: "CALL", title: " ", dueAt: "2026-11-21T15:00:00Z", leadId: leadA.leadId }).success).toBe(false);
    expect(ZTaskCreate.safeParse({ kind: "CALL", title: "x", dueAt: "tomorrow", leadId: leadA.leadId }).success).toBe(false);
    expect(ZTaskCreate.safeParse({ kind: "CALL", title: "x", dueAt: "2026-11-21T15:00:00Z" }).success).toBe(false);
    expect(ZTaskCreate.safeParse({ kind: "CALL", title: "x", dueAt: "2026-11-21T15:00:00Z", leadId: leadA.leadId, extra: 1 }).success).toBe(false);
    expect(ZTaskCreate.safeParse({ kind: "TEXT", title: "x", dueAt: "2026-11-21T15:00:00Z", contactId: leadA.contactId }).success).toBe(true);
  });
});
