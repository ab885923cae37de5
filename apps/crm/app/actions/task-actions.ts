"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { TASK_KINDS, instantOfLocalTime } from "@real-estate/types";
import { createTask, updateTask, ZTaskCreate } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";

export type TaskActionState = { ok?: string; error?: string };

const ZTaskForm = z.object({
  kind: z.enum(TASK_KINDS, "Pick what kind of task."),
  title: z.string().trim().min(1, "Say what to do.").max(200, "Keep the title under 200 characters."),
  notes: z.string().trim().max(10_000).optional(),
  due: z.string().min(1, "Pick when it is due."),
  leadId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  assignee: z.union([z.uuid(), z.literal("unassigned")]).optional(),
});

function refresh(leadId?: string, contactId?: string) {
  revalidatePath("/my-day");
  revalidatePath("/");
  if (leadId) revalidatePath(`/leads/${leadId}`);
  if (contactId) revalidatePath(`/contacts/${contactId}`);
}

/** Adds a task from a lead's or contact's page; the due time is read in the brokerage's time zone. */
export async function createTaskAction(_prev: TaskActionState, form: FormData): Promise<TaskActionState> {
  const { tenant, session, member } = await requirePageAccess();
  const parsed = ZTaskForm.safeParse({
    kind: form.get("kind"),
    title: form.get("title") ?? "",
    notes: form.get("notes") || undefined,
    due: form.get("due") ?? "",
    leadId: form.get("leadId") || undefined,
    contactId: form.get("contactId") || undefined,
    assignee: form.get("assignee") || undefined,
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form." };
  const v = parsed.data;
  const dueAt = instantOfLocalTime(v.due, tenant.timeZone);
  if (!dueAt) return { error: "Pick a valid due date and time." };
  const input = ZTaskCreate.safeParse({
    kind: v.kind,
    title: v.title,
    notes: v.notes,
    dueAt,
    leadId: v.leadId,
    contactId: v.leadId ? undefined : v.contactId,
    assignedMembershipId: v.assignee === undefined ? undefined : v.assignee === "unassigned" ? null : v.assignee,
  });
  if (!input.success) return { error: input.error.issues[0]?.message ?? "Check the form." };
  const result = await createTask({ tenantId: tenant.tenantId, input: input.data, actor: { userId: session.user.id }, actorMembershipId: member.id });
  if (!result.ok) return { error: result.error === "unknown_assignee" ? "That person is not a member of this brokerage." : "This record no longer exists." };
  refresh(v.leadId, result.task.contactId);
  return { ok: `Task added: ${result.task.title}.` };
}

const ZComplete = z.object({ taskId: z.uuid(), outcome: z.string().trim().max(10_000).optional(), done: z.enum(["true", "false"]).default("true") });

/** Marks a task done (one activity on the timeline, with what came of it) or reopens it. */
export async function completeTaskAction(_prev: TaskActionState, form: FormData): Promise<TaskActionState> {
  const { tenant, session } = await requirePageAccess();
  const parsed = ZComplete.safeParse({ taskId: form.get("taskId"), outcome: form.get("outcome") || undefined, done: form.get("done") || undefined });
  if (!parsed.success) return { error: "That task cannot be changed." };
  const done = parsed.data.done === "true";
  const result = await updateTask({
    tenantId: tenant.tenantId,
    taskId: parsed.data.taskId,
    change: { done, outcome: parsed.data.outcome },
    actor: { userId: session.user.id },
  });
  if (!result.ok) return { error: "This task no longer exists." };
  refresh(result.task.leadId ?? undefined, result.task.contactId);
  if (!done) return { ok: "Reopened." };
  return { ok: result.completed ? "Done. It is on the timeline." : "It was already done." };
}
