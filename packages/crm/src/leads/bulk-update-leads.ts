import type { LeadStatus } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { applyLeadChanges, type LeadChange } from "./apply-lead-changes";
import type { CrmActor } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { loadAssigneeNames } from "./load-assignee";

/** Most leads one bulk action may touch. */
export const BULK_LEAD_LIMIT = 500;

export type BulkUpdateResult = { ok: true; matched: number; changed: number } | { ok: false; error: "unknown_assignee" | "too_many" };

async function bulkUpdate(options: { tenantId: string; leadIds: string[]; change: LeadChange; actor: CrmActor; db?: Db }): Promise<BulkUpdateResult> {
  const db = options.db ?? getDb();
  const { tenantId, change } = options;
  const ids = [...new Set(options.leadIds)].filter(isUuid);
  if (ids.length > BULK_LEAD_LIMIT) return { ok: false, error: "too_many" };
  if (!ids.length) return { ok: true, matched: 0, changed: 0 };
  return db.$transaction(async (tx) => {
    const required = change.assignedMembershipId;
    if (required && !isUuid(required)) return { ok: false, error: "unknown_assignee" } as const;
    const names = await loadAssigneeNames(tx, { tenantId, required });
    if (!names) return { ok: false, error: "unknown_assignee" } as const;
    // Ids of other tenants simply do not match: the where carries the tenant.
    await tx.$queryRaw`SELECT id FROM "Lead" WHERE "tenantId" = ${tenantId}::uuid AND id = ANY(${ids}::uuid[]) FOR UPDATE`;
    const leads = await tx.lead.findMany({
      where: { tenantId, id: { in: ids } },
      select: { id: true, contactId: true, status: true, assignedMembershipId: true },
    });
    const changed = await applyLeadChanges(tx, { tenantId, leads, change, actor: options.actor, assigneeNames: names });
    return { ok: true, matched: leads.length, changed: changed.length } as const;
  });
}

/** Moves many leads to one status (ids of other tenants are ignored); one activity per change. */
export function bulkUpdateLeadStatus(options: { tenantId: string; leadIds: string[]; status: LeadStatus; actor: CrmActor; db?: Db }) {
  return bulkUpdate({ ...options, change: { status: options.status } });
}

/** Assigns many leads to one member, or unassigns them with null; one activity per change. */
export function bulkAssignLeads(options: { tenantId: string; leadIds: string[]; assignedMembershipId: string | null; actor: CrmActor; db?: Db }) {
  return bulkUpdate({ ...options, change: { assignedMembershipId: options.assignedMembershipId } });
}
