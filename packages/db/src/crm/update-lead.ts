import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { applyLeadChanges, type LeadChange } from "./apply-lead-changes";
import { leadDetailSelect, type CrmActor, type LeadDetailRow } from "./crm-selects";
import { isUuid } from "./is-uuid";
import { loadAssigneeNames } from "./load-assignee";

export type UpdateLeadResult = { ok: true; lead: LeadDetailRow; changed: boolean } | { ok: false; error: "not_found" | "unknown_assignee" };

/**
 * Moves a lead in the pipeline and/or (re)assigns it. Each actual change is recorded as an
 * activity with the actor and time; a no-op change records nothing. The assignee must be a
 * member of the same tenant.
 */
export async function updateLead(options: {
  tenantId: string;
  leadId: string;
  change: LeadChange;
  actor: CrmActor;
  db?: Db;
}): Promise<UpdateLeadResult> {
  const db = options.db ?? getDb();
  const { tenantId, leadId, change } = options;
  if (!isUuid(leadId)) return { ok: false, error: "not_found" };
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Lead" WHERE "tenantId" = ${tenantId}::uuid AND id = ${leadId}::uuid FOR UPDATE`;
    if (!rows.length) return { ok: false, error: "not_found" } as const;
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
