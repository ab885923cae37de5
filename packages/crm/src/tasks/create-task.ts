import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { CrmActor } from "../shared/crm-selects";
import type { TaskCreate } from "./task-input";
import { scheduleTaskReminder } from "./schedule-task-reminder";
import { taskSelect, type TaskRow } from "./task-select";

export type CreateTaskResult = { ok: true; task: TaskRow } | { ok: false; error: "not_found" | "lead_contact_mismatch" | "unknown_assignee" };

/**
 * Creates a task on a lead (its contact implied) or a contact of the tenant, and queues its
 * reminder for the due time in the same transaction (only for a due time still ahead).
 * The assignee defaults to the lead's agent, else the member creating it.
 */
export async function createTask(options: {
  tenantId: string;
  input: TaskCreate;
  actor: CrmActor;
  actorMembershipId?: string | null;
  now?: Date;
  db?: Db;
}): Promise<CreateTaskResult> {
  const db = options.db ?? getDb();
  const { tenantId, input } = options;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    let contactId = input.contactId;
    let leadAgent: string | null = null;
    if (input.leadId) {
      const lead = await tx.lead.findUnique({
        where: { tenantId_id: { tenantId, id: input.leadId } },
        select: { contactId: true, assignedMembershipId: true },
      });
      if (!lead) return { ok: false, error: "not_found" } as const;
      if (contactId && contactId !== lead.contactId) return { ok: false, error: "lead_contact_mismatch" } as const;
      contactId = lead.contactId;
      leadAgent = lead.assignedMembershipId;
    } else {
      const contact = await tx.contact.findUnique({ where: { tenantId_id: { tenantId, id: contactId! } }, select: { id: true } });
      if (!contact) return { ok: false, error: "not_found" } as const;
    }
    const assignee = input.assignedMembershipId !== undefined ? input.assignedMembershipId : (leadAgent ?? options.actorMembershipId ?? null);
    if (assignee) {
      const member = await tx.tenantMembership.findUnique({ where: { tenantId_id: { tenantId, id: assignee } }, select: { id: true } });
      if (!member) return { ok: false, error: "unknown_assignee" } as const;
    }
    const task = await tx.task.create({
      data: {
        tenantId,
        contactId: contactId!,
        leadId: input.leadId ?? null,
        kind: input.kind,
        title: input.title,
        notes: input.notes || null,
        dueAt: input.dueAt,
        assignedMembershipId: assignee,
        createdByUserId: options.actor.userId,
      },
      select: taskSelect,
    });
    if (task.dueAt > now) await scheduleTaskReminder(tx, { tenantId, taskId: task.id, dueAt: task.dueAt });
    return { ok: true, task } as const;
  });
}
