import type { LeadStatus } from "@real-estate/db";
import type { Prisma } from "@real-estate/db";
import type { DbTx } from "@real-estate/db";
import type { CrmActor } from "../shared/crm-selects";
import type { WebhookEvent } from "@real-estate/integrations";
import { actorData, emitWebhookEvents } from "../shared/webhook-events";
import { stopLeadPlanInTx } from "../action-plans/stop-action-plan";
import { pauseLeadPlansInTx } from "../action-plans/pause-lead-plans";

const CLOSED: LeadStatus[] = ["WON", "LOST"];

export type LeadChange = { status?: LeadStatus; assignedMembershipId?: string | null };
type LeadState = { id: string; contactId: string; status: LeadStatus; assignedMembershipId: string | null };

/** UNDER_CONTRACT → "Under contract", for activity titles people read. */
export function statusLabel(status: LeadStatus): string {
  const words = status.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function assigneeLabel(names: Map<string, string>, id: string | null): string {
  return id ? (names.get(id) ?? "a former member") : "nobody";
}

/**
 * Applies a status and/or assignment change to leads already loaded (and scoped) by the caller,
 * set-based, and records one activity per actual change with who and when. Leaving NEW stamps
 * firstContactedAt once (speed to first contact); WON/LOST stamp closedAt and stop the leads'
 * running or paused action plans; another status, or a move from one agent to another, pauses them.
 * Returns the ids of leads that changed.
 */
export async function applyLeadChanges(
  tx: DbTx,
  options: { tenantId: string; leads: LeadState[]; change: LeadChange; actor: CrmActor; assigneeNames: Map<string, string> },
): Promise<string[]> {
  const { tenantId, leads, change, actor } = options;
  const now = new Date();
  const metaBase = actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {};
  const activities: Prisma.ActivityCreateManyInput[] = [];
  const changed = new Set<string>();
  const webhooks: WebhookEvent[] = [];

  const { status } = change;
  if (status) {
    const moving = leads.filter((l) => l.status !== status);
    const ids = moving.map((l) => l.id);
    if (ids.length) {
      await tx.lead.updateMany({
        where: { tenantId, id: { in: ids } },
        data: { status, lastActivityAt: now, closedAt: CLOSED.includes(status) ? now : null, version: { increment: 1 } },
      });
      if (status !== "NEW") {
        await tx.lead.updateMany({ where: { tenantId, id: { in: ids }, firstContactedAt: null }, data: { firstContactedAt: now } });
      }
      if (CLOSED.includes(status)) {
        // A won or lost lead needs no more follow-up: its running plans stop, their open steps cancelled.
        const running = await tx.leadPlan.findMany({ where: { tenantId, leadId: { in: ids }, status: { in: ["ACTIVE", "PAUSED"] } }, select: { id: true } });
        for (const run of running) {
          await stopLeadPlanInTx(tx, { tenantId, leadPlanId: run.id, actorUserId: actor.userId, reason: `The lead was marked ${statusLabel(status)}.`, now });
        }
      } else {
        // Another open status means the situation changed: the plan waits for the agent to resume it.
        await pauseLeadPlansInTx(tx, {
          tenantId,
          leadIds: ids,
          trigger: "status",
          reason: `The lead's status changed to ${statusLabel(status)}.`,
          actorUserId: actor.userId,
          now,
        });
      }
      for (const l of moving) {
        changed.add(l.id);
        activities.push({
          tenantId,
          contactId: l.contactId,
          leadId: l.id,
          type: "STATUS_CHANGE",
          actorUserId: actor.userId,
          occurredAt: now,
          title: `Status: ${statusLabel(l.status)} → ${statusLabel(status)}`,
          metadata: { ...metaBase, from: l.status, to: status },
        });
        webhooks.push({
          type: "lead.status_changed",
          contactId: l.contactId,
          occurredAt: now,
          data: { leadId: l.id, contactId: l.contactId, from: l.status, to: status, actor: actorData(actor) },
        });
      }
    }
  }

  if (change.assignedMembershipId !== undefined) {
    const to = change.assignedMembershipId;
    const moving = leads.filter((l) => l.assignedMembershipId !== to);
    const ids = moving.map((l) => l.id);
    if (ids.length) {
      await tx.lead.updateMany({
        where: { tenantId, id: { in: ids } },
        data: { assignedMembershipId: to, pooledAt: null, contactDueAt: null, lastActivityAt: now, version: { increment: 1 } },
      });
      // Taken from one agent and given to another (or to nobody): the new owner decides whether the
      // plan goes on. A first assignment of an unassigned lead changes nothing.
      const reassigned = moving.filter((l) => l.assignedMembershipId !== null).map((l) => l.id);
      await pauseLeadPlansInTx(tx, {
        tenantId,
        leadIds: reassigned,
        trigger: "assignment",
        reason: to ? `The lead was assigned to ${assigneeLabel(options.assigneeNames, to)}.` : "The lead was unassigned.",
        actorUserId: actor.userId,
        now,
      });
      for (const l of moving) {
        changed.add(l.id);
        activities.push({
          tenantId,
          contactId: l.contactId,
          leadId: l.id,
          type: "ASSIGNMENT",
          actorUserId: actor.userId,
          occurredAt: now,
          title: to ? `Assigned to ${assigneeLabel(options.assigneeNames, to)}` : "Unassigned",
          metadata: { ...metaBase, from: l.assignedMembershipId, to },
        });
        webhooks.push({
          type: "lead.assigned",
          contactId: l.contactId,
          occurredAt: now,
          data: { leadId: l.id, contactId: l.contactId, from: l.assignedMembershipId, to, actor: actorData(actor) },
        });
      }
    }
  }
  if (activities.length) await tx.activity.createMany({ data: activities });
  await emitWebhookEvents(tx, tenantId, webhooks, now);
  return [...changed];
}
