import type { MembershipRole } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { LastOwnerError, membershipSelect, type MembershipRow } from "./membership-select";
import { noteMembershipChange } from "./membership-changes";

/**
 * Changes a member's role. Returns null when the membership is not this tenant's; throws
 * LastOwnerError when it would demote the tenant's only owner. Audited.
 */
export async function updateMembershipRole(options: {
  tenantId: string;
  membershipId: string;
  role: MembershipRole;
  actorUserId: string;
  db?: Db;
}): Promise<MembershipRow | null> {
  const db = options.db ?? getDb();
  const { tenantId, membershipId, role } = options;
  const result = await db.$transaction(async (tx) => {
    // Lock the tenant's owner rows so two concurrent demotions cannot both pass the check.
    const owners = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "TenantMembership" WHERE "tenantId" = ${tenantId}::uuid AND role = 'OWNER' FOR UPDATE`;
    const current = await tx.tenantMembership.findUnique({ where: { tenantId_id: { tenantId, id: membershipId } } });
    if (!current) return null;
    if (current.role === "OWNER" && role !== "OWNER" && owners.length <= 1) throw new LastOwnerError();
    const updated = await tx.tenantMembership.update({
      where: { tenantId_id: { tenantId, id: membershipId } },
      data: { role },
      select: membershipSelect,
    });
    noteMembershipChange();
    await tx.tenantAuditLog.create({
      data: {
        tenantId,
        actorUserId: options.actorUserId,
        action: "membership.role_changed",
        entityType: "TenantMembership",
        entityId: membershipId,
        detail: { from: current.role, to: role },
      },
    });
    return updated;
  });
  if (result) noteMembershipChange();
  return result;
}
