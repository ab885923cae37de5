import type { Db, DbTx, Prisma } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { TASK_KIND_LABELS } from "@real-estate/types";
import type { CrmActor } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { actorData, emitWebhookEvents } from "../shared/webhook-events";
import type { TaskUpdate } from "./task-input";
import { scheduleTaskReminder } from "./schedule-task-reminder";
import { taskSelect, type TaskRow } from "./task-select";

export type UpdateTaskResult =
  | { ok: true; task: TaskRow; changed: boolean; completed: boolean }
  | { ok: false; error: "not_found" | "unknown_assignee" }
  | { ok: false; error: "version_mismatch"; task: TaskRow };

/** Task kinds that reach the person: completing one counts as contact made on the lead. */
const TOUCHES = new Set(["CALL", "EMAIL", "TEXT", "SHOWING"]);

async function logCompletion(tx: DbTx, o: { tenantId: string; task: TaskRow; outcome?: string; actor: CrmActor; at: Date }) {
  const { tenantId, task, at } = o;
  await tx.activity.create({
    data: {
      tenantId,
      contactId: task.contactId,
      leadId: task.leadId,
      type: "TASK_COMPLETED",
      occurredAt: at,
      actorUserId: o.actor.userId,
      title: `${TASK_KIND_LABELS[task.kind]} done: ${task.title}`,
      body: o.outcome || null,
      metadata: { taskId: task.id, kind: task.kind, ...(o.actor.apiKeyId && { apiKeyId: o.actor.apiKeyId }) },
    },
  });
  await emitWebhookEvents(
    tx,
    tenantId,
    [
      {
        type: "task.completed",
        contactId: task.contactId,
        occurredAt: at,
        data: {
          task: {
            id: task.id,
            kind: task.kind,
            title: task.title,
            dueAt: task.dueAt.toISOString(),
            completedAt: at.toISOString(),
            leadId: task.leadId,
            contactId: task.contactId,
            assignedMembershipId: task.assignedMembershipId,
          },
          outcome: o.outcome || null,
          actor: actorData(o.actor),
        },
      },
    ],
    at,
  );
  if (!task.leadId) return;
  await tx.lead.update({ where: { tenantId_id: { tenantId, id: task.leadId } }, data: { lastActivityAt: at } });
  if (TOUCHES.has(task.kind)) {
    await tx.lead.updateMany({ where: { tenantId, id: task.leadId, firstContactedAt: null }, data: { firstContactedAt: at } });
  }
}

/**
 * Changes a task: kind, title, notes, due time (a new reminder is queued for a due time ahead),
 * assignee, done. Completing logs a TASK_COMPLETED activity on the lead's timeline (a call, e-mail,
 * text or showing also counts as first contact) and queues a `task.completed` webhook event exactly once, however many people complete it at
 * the same moment: only the one whose conditional update finds it open logs it. With
 * `expectedVersion`, a task changed since is not overwritten.
 */
export async function updateTask(options: {
  tenantId: string;
  taskId: string;
  change: TaskUpdate;
  actor: CrmActor;
  expectedVersion?: number;
  now?: Date;
  db?: Db;
}): Promise<UpdateTaskResult> {
  const db = options.db ?? getDb();
  const { tenantId, taskId, change } = options;
  if (!isUuid(taskId)) return { ok: false, error: "not_found" };
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM "Task" WHERE "tenantId" = ${tenantId}::uuid AND id = ${taskId}::uuid FOR UPDATE`;
    if (!locked) return { ok: false, error: "not_found" } as const;
    const current = (await tx.task.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: taskId } }, select: taskSelect }))!;
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
      return { ok: false, error: "version_mismatch", task: current } as const;
    if (change.assignedMembershipId) {
      const member = await tx.tenantMembership.findUnique({ where: { tenantId_id: { tenantId, id: change.assignedMembershipId } }, select: { id: true } });
      if (!member) return { ok: false, error: "unknown_assignee" } as const;
    }
    const data: Prisma.TaskUpdateInput = {};
    if (change.kind !== undefined && change.kind !== current.kind) data.kind = change.kind;
    if (change.title !== undefined && change.title !== current.title) data.title = change.title;
    if (change.notes !== undefined && (change.notes || null) !== current.notes) data.notes = change.notes || null;
    if (change.dueAt !== undefined && change.dueAt.getTime() !== current.dueAt.getTime()) data.dueAt = change.dueAt;
    if (change.assignedMembershipId !== undefined && change.assignedMembershipId !== current.assignedMembershipId) {
      data.assignedTo = change.assignedMembershipId ? { connect: { tenantId_id: { tenantId, id: change.assignedMembershipId } } } : { disconnect: true };
    }
    const completing = change.done === true && !current.completedAt;
    if (completing) Object.assign(data, { completedAt: now, completedByUserId: options.actor.userId });
    if (change.done === false && current.completedAt) Object.assign(data, { completedAt: null, completedByUserId: null });
    if (Object.keys(data).length === 0) return { ok: true, task: current, changed: false, completed: false } as const;
    const task = await tx.task.update({ where: { tenantId_id: { tenantId, id: taskId } }, data: { ...data, version: { increment: 1 } }, select: taskSelect });
    if (completing) await logCompletion(tx, { tenantId, task, outcome: change.outcome, actor: options.actor, at: now });
    if (!task.completedAt && task.dueAt > now && (data.dueAt || change.done === false)) await scheduleTaskReminder(tx, { tenantId, taskId, dueAt: task.dueAt });
    return { ok: true, task, changed: true, completed: completing } as const;
  });
}

/** Marks a task done (see updateTask): logs the completion activity once. */
export function completeTask(options: { tenantId: string; taskId: string; outcome?: string; actor: CrmActor; now?: Date; db?: Db }): Promise<UpdateTaskResult> {
  const { outcome, ...rest } = options;
  return updateTask({ ...rest, change: { done: true, outcome } });
}
