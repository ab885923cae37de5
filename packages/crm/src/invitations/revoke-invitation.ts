import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/** Revokes a pending invitation; false when it is not this tenant's or no longer pending. */
export async function revokeInvitation(options: { tenantId: string; invitationId: string; actorUserId: string; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const { count } = await db.tenantInvitation.updateMany({
    where: { tenantId: options.tenantId, id: options.invitationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 1) {
    await db.tenantAuditLog.create({
      data: {
        tenantId: options.tenantId,
        actorUserId: options.actorUserId,
        action: "invitation.revoked",
        entityType: "TenantInvitation",
        entityId: options.invitationId,
      },
    });
  }
  return count === 1;
}
