import type { DbTx } from "@real-estate/db";
import { enqueueJob } from "@real-estate/queue";

/** The job kind that e-mails a task's assignee at its due time (handled by @real-estate/mail). */
export const TASK_REMINDER_KIND = "task.reminder";

/**
 * Queues the reminder of a task for its due time, in the caller's transaction. One job per
 * (task, due time): saving a task twice queues nothing new, a new due time queues a new reminder
 * and the old one finds the due time changed and sends nothing.
 */
export async function scheduleTaskReminder(tx: DbTx, options: { tenantId: string; taskId: string; dueAt: Date }): Promise<void> {
  const due = options.dueAt.toISOString();
  await enqueueJob(tx, {
    tenantId: options.tenantId,
    kind: TASK_REMINDER_KIND,
    payload: { taskId: options.taskId, dueAt: due },
    dedupeKey: `${options.taskId}:${due}`,
    runAt: options.dueAt,
    wake: false,
  });
}
