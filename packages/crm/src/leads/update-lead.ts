import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { applyLeadChanges, type LeadChange } from "./apply-lead-changes";
import { leadDetailSelect, type CrmActor, type LeadDetailRow } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { loadAssigneeNames } from "./load-assignee";

export type UpdateLeadResult =
  | { ok: true; lead: LeadDetailRow; changed: boolean }
  | { ok: false; error: "not_found" | "unknown_assignee" }
  /** `expectedVersion` is not the lead's version: someone changed it since; `lead` is how it is now. */
  | { ok: false; error: "version_mismatch"; lead: LeadDetailRow };

/**
 * Moves a lead in the pipeline and/or (re)assigns it. Each actual change is recorded as an
 * activity with the actor and time; a no-op change records nothing. The assignee must be a
 * member of the same tenant. With `expectedVersion` (what the editor read: If-Match, or the
 * form's hidden field), a lead changed since is left alone and returned as it is now.
 */
export async function updateLead(options: {
  tenantId: string;
  leadId: string;
  change: LeadChange;
  actor: CrmActor;
  expectedVersion?: number;
  db?: Db;
}): Promise<UpdateLeadResult> {
  const db = options.db ?? getDb();
  const { tenantId, leadId, change } = options;
  if (!isUuid(leadId)) return { ok: false, error: "not_found" };
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; version: number }[]>`
      SELECT id, version FROM "Lead" WHERE "tenantId" = ${tenantId}::uuid AND id = ${leadId}::uuid FOR UPDATE`;
    if (!rows.length) return { ok: false, error: "not_found" } as const;
    if (options.expectedVersion !== undefined && rows[0]!.version !== options.expectedVersion) {
      const current = await tx.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: leadId } }, select: leadDetailSelect });
      return { ok: false, error: "version_mismatch", lead: current } as const;
    }
    const lead = await tx.lead.findUniqueOrThrow({
      where: { tenantId_id: { tenantId, id: leadId } },
      select: { id: true, contactId: true, status: true, assignedMembershipId: true },
    });
    const required = change.assignedMembershipId;
    if (required !== undefined && required !== null && !isUuid(required)) return { ok: false, error: "unknown_assignee" } as const;
    const names = await loadAssigneeNames(tx, { tenantId, required });
    if (!names) return { ok: false, error: "unknown_assignee" } as const;
    const changed = await applyLeadChanges(tx, { tenantId, leads: [lead], change, actor: options.actor, assigneeNames: names });
    const updated = await tx.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: leadId } }, select: leadDetailSelect });
    return { ok: true, lead: updated, changed: changed.length > 0 } as const;
  });
}
