import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { LastOwnerError } from "./membership-select";

/**
 * Removes a member from the tenant. Their open lead assignments are cleared (the leads stay).
 * Returns false when the membership is not this tenant's; throws LastOwnerError for the only
 * owner. Audited.
 */
export async function removeMembership(options: {
  tenantId: string;
  membershipId: string;
  actorUserId: string;
  db?: Db;
}): Promise<boolean> {
  const db = options.db ?? getDb();
  const { tenantId, membershipId } = options;
  return db.$transaction(async (tx) => {
    const owners = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "TenantMembership" WHERE "tenantId" = ${tenantId}::uuid AND role = 'OWNER' FOR UPDATE`;
    const current = await tx.tenantMembership.findUnique({ where: { tenantId_id: { tenantId, id: membershipId } } });
    if (!current) return false;
    if (current.role === "OWNER" && owners.length <= 1) throw new LastOwnerError();
    await tx.lead.updateMany({ where: { tenantId, assignedMembershipId: membershipId }, data: { assignedMembershipId: null } });
    await tx.tenantMembership.delete({ where: { tenantId_id: { tenantId, id: membershipId } } });
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
  });
}
