import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { LastOwnerError } from "./membership-select";
import { noteMembershipChange } from "./membership-changes";

/**
 * Removes a member from the tenant. Their lead and task assignments are cleared (the leads and tasks stay),
 * rules routing to them alone are disabled and their round-robin seats removed.
 * Returns false when the membership is not this tenant's; throws LastOwnerError for the only
 * owner. Audited.
 */
export async function removeMembership(options: { tenantId: string; membershipId: string; actorUserId: string; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const removed = await db.$transaction((tx) => removeMembershipInTx(tx, { ...options, keepLastOwner: true }));
  if (removed) noteMembershipChange();
  return removed;
}

/**
 * removeMembership inside the caller's transaction. `keepLastOwner: false` is for an identity
 * provider that owns the memberships (Clerk): when it says the last owner left, they leave.
 * `actorUserId: null` records a change nobody in the CRM made.
 */
export async function removeMembershipInTx(
  tx: DbTx,
  options: { tenantId: string; membershipId: string; actorUserId: string | null; keepLastOwner: boolean },
): Promise<boolean> {
  const { tenantId, membershipId } = options;
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "TenantMembership" WHERE "tenantId" = ${tenantId}::uuid AND role = 'OWNER' FOR UPDATE`;
  const current = await tx.tenantMembership.findUnique({ where: { tenantId_id: { tenantId, id: membershipId } } });
  if (!current) return false;
  if (options.keepLastOwner && current.role === "OWNER" && owners.length <= 1) throw new LastOwnerError();
  await tx.lead.updateMany({
    where: { tenantId, assignedMembershipId: membershipId },
    data: { assignedMembershipId: null, contactDueAt: null, version: { increment: 1 } },
  });
  // Their tasks stay with the lead, unassigned, for an owner to hand on ("My day" of nobody).
  await tx.task.updateMany({ where: { tenantId, assignedMembershipId: membershipId }, data: { assignedMembershipId: null, version: { increment: 1 } } });
  // A rule that sent leads to this member stops (an owner picks someone else); round-robin seats go with the membership.
  await tx.routingRule.updateMany({ where: { tenantId, targetMembershipId: membershipId }, data: { enabled: false, targetMembershipId: null } });
  await tx.tenantMembership.delete({ where: { tenantId_id: { tenantId, id: membershipId } } });
  noteMembershipChange();
  await tx.tenantAuditLog.create({
    data: {
      tenantId,
      actorUserId: options.actorUserId,
      action: "membership.removed",
      entityType: "TenantMembership",
      entityId: membershipId,
      detail: { role: current.role },
    },
  });
  return true;
}
