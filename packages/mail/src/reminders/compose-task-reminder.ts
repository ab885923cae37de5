import { z } from "zod";
import type { DbTx } from "@real-estate/db";
import { PermanentIngestionError } from "@real-estate/queue";
import { DEFAULT_TIME_ZONE, TASK_KIND_LABELS, type TaskKindData } from "@real-estate/types";
import { loadBranding } from "../branding/load-branding";
import { queueEmails, type QueuedEmail } from "../outbox/queue-emails";

/** The job kind crm queues for a task's due time (one per task and due time). */
export const TASK_REMINDER_KIND = "task.reminder";

export const ZTaskReminderPayload = z.object({ taskId: z.uuid(), dueAt: z.iso.datetime() });

type TaskRow = {
  id: string;
  kind: TaskKindData;
  title: string;
  notes: string | null;
  dueAt: Date;
  leadId: string | null;
  contactId: string;
  completedAt: Date | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  assigneeEmail: string | null;
  assigneeName: string | null;
  timeZone: string | null;
};

/**
 * Writes the reminder of one task to the outbox, addressed to its assignee at the time the job
 * runs, and notes the due time it reminded of. Nothing when the task is gone, done, unassigned,
 * or due at another time now (it was rescheduled: that time has its own job). One message per
 * (task, due time), ever (dedupe key), so a re-run writes nothing new.
 */
export async function composeTaskReminder(tx: DbTx, options: { tenantId: string; payload: unknown }): Promise<QueuedEmail[]> {
  const parsed = ZTaskReminderPayload.safeParse(options.payload);
  if (!parsed.success) throw new PermanentIngestionError("invalid task.reminder payload");
  const { tenantId } = options;
  const { taskId, dueAt } = parsed.data;
  const [task] = await tx.$queryRaw<TaskRow[]>`
    SELECT t.id::text AS id, t.kind::text AS kind, t.title, t.notes, t."dueAt", t."leadId"::text AS "leadId", t."contactId"::text AS "contactId",
           t."completedAt", c."firstName", c."lastName", c.email, c.phone, u.email AS "assigneeEmail", COALESCE(NULLIF(btrim(m."displayName"), ''), u.name) AS "assigneeName", tn."timeZone"
      FROM "Task" t
      JOIN "Contact" c ON c."tenantId" = t."tenantId" AND c.id = t."contactId"
      JOIN "Tenant" tn ON tn.id = t."tenantId"
      LEFT JOIN "TenantMembership" m ON m."tenantId" = t."tenantId" AND m.id = t."assignedMembershipId"
      LEFT JOIN "user" u ON u.id = m."userId"
     WHERE t."tenantId" = ${tenantId}::uuid AND t.id = ${taskId}::uuid
     FOR UPDATE OF t`;
  if (!task || task.completedAt || !task.assigneeEmail) return [];
  if (task.dueAt.getTime() !== new Date(dueAt).getTime()) return [];
  const brand = await loadBranding(tx, tenantId);
  const due = new Intl.DateTimeFormat("en-US", {
    timeZone: task.timeZone ?? DEFAULT_TIME_ZONE,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(task.dueAt);
  const name = [task.firstName, task.lastName].filter(Boolean).join(" ") || task.email || task.phone || "Someone";
  const queued = await queueEmails(tx, {
    tenantId,
    brand,
    emails: [
      {
        template: "task-reminder",
        to: { address: task.assigneeEmail, name: task.assigneeName },
        contactId: task.contactId,
        leadId: task.leadId,
        dedupeKey: `task-reminder:${task.id}:${dueAt}`,
        props: {
          recipientName: task.assigneeName,
          kindLabel: TASK_KIND_LABELS[task.kind] ?? task.kind,
          title: task.title,
          notes: task.notes,
          due,
          person: { name, email: task.email, phone: task.phone },
          recordUrl: task.leadId ? `${brand.crmUrl}/leads/${task.leadId}` : `${brand.crmUrl}/contacts/${task.contactId}`,
          myDayUrl: `${brand.crmUrl}/my-day`,
        },
      },
    ],
  });
  await tx.$executeRaw`UPDATE "Task" SET "remindedDueAt" = ${task.dueAt}::timestamp(3) WHERE "tenantId" = ${tenantId}::uuid AND id = ${taskId}::uuid`;
  return queued;
}
