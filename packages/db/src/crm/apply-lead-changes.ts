import type { LeadStatus } from "../generated/prisma/enums";
import type { Prisma } from "../generated/prisma/client";
import type { DbTx } from "../client/create-client";
import type { CrmActor } from "./crm-selects";

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
 * firstContactedAt once (speed to first contact); WON/LOST stamp closedAt.
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

  const { status } = change;
  if (status) {
    const moving = leads.filter((l) => l.status !== status);
    const ids = moving.map((l) => l.id);
    if (ids.length) {
      await tx.lead.updateMany({
        where: { tenantId, id: { in: ids } },
        data: { status, lastActivityAt: now, closedAt: CLOSED.includes(status) ? now : null },
      });
      if (status !== "NEW") {
        await tx.lead.updateMany({ where: { tenantId, id: { in: ids }, firstContactedAt: null }, data: { firstContactedAt: now } });
      }
      for (const l of moving) {
        changed.add(l.id);
        activities.push({
          tenantId, contactId: l.contactId, leadId: l.id, type: "STATUS_CHANGE", actorUserId: actor.userId, occurredAt: now,
          title: `Status: ${statusLabel(l.status)} → ${statusLabel(status)}`, metadata: { ...metaBase, from: l.status, to: status },
        });
      }
    }
  }

  if (change.assignedMembershipId !== undefined) {
    const to = change.assignedMembershipId;
    const moving = leads.filter((l) => l.assignedMembershipId !== to);
    const ids = moving.map((l) => l.id);
    if (ids.length) {
      await tx.lead.updateMany({ where: { tenantId, id: { in: ids } }, data: { assignedMembershipId: to, lastActivityAt: now } });
      for (const l of moving) {
        changed.add(l.id);
        activities.push({
          tenantId, contactId: l.contactId, leadId: l.id, type: "ASSIGNMENT", actorUserId: actor.userId, occurredAt: now,
          title: to ? `Assigned to ${assigneeLabel(options.assigneeNames, to)}` : "Unassigned",
          metadata: { ...metaBase, from: l.assignedMembershipId, to },
        });
      }
    }
  }
  if (activities.length) await tx.activity.createMany({ data: activities });
  return [...changed];
}
