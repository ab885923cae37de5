import { v7 as uuidv7 } from "uuid";
import { removeMembershipInTx } from "@real-estate/crm";
import { getDb, type Db, type DbTx } from "@real-estate/db";
import type { MembershipRoleData } from "@real-estate/types";
import type { MemberRef } from "../provider/auth-session";

/**
 * Makes the tenant's membership of this user what Clerk says: `role` null removes it (open
 * lead assignments cleared, as when an owner removes a member), otherwise it is created or its
 * role changed. Writes only on a difference; each change is in the tenant's audit log.
 * Concurrent calls for the same user are safe (the unique (tenantId, userId) decides).
 */
export async function syncClerkMembership(
  options: { tenantId: string; userId: string; role: MembershipRoleData | null },
  db: Db = getDb(),
): Promise<MemberRef | null> {
  const { tenantId, userId, role } = options;
  const current = await db.tenantMembership.findUnique({ where: { tenantId_userId: { tenantId, userId } }, select: { id: true, role: true } });
  if (current && current.role === role) return { id: current.id, tenantId, userId, role };
  if (!current && role === null) return null;
  return db.$transaction((tx) => applyClerkMembership(tx, options));
}

/** syncClerkMembership inside the caller's transaction (webhooks apply the change and record the delivery together). */
export async function applyClerkMembership(
  tx: DbTx,
  options: { tenantId: string; userId: string; role: MembershipRoleData | null },
): Promise<MemberRef | null> {
  const { tenantId, userId, role } = options;
  if (role === null) {
    const current = await tx.tenantMembership.findUnique({ where: { tenantId_userId: { tenantId, userId } }, select: { id: true } });
    if (current) await removeMembershipInTx(tx, { tenantId, membershipId: current.id, actorUserId: null, keepLastOwner: false });
    return null;
  }
  const inserted = await tx.$queryRaw<{ id: string; role: MembershipRoleData; created: boolean }[]>`
    INSERT INTO "TenantMembership" ("tenantId", id, "userId", role, "updatedAt")
    VALUES (${tenantId}::uuid, ${uuidv7()}::uuid, ${userId}, ${role}::"MembershipRole", now())
    ON CONFLICT ("tenantId", "userId") DO UPDATE SET "updatedAt" = "TenantMembership"."updatedAt"
    RETURNING id::text, role::text AS role, (xmax = 0) AS created`;
  const row = inserted[0]!;
  if (row.created) {
    await tx.tenantAuditLog.create({
      data: { tenantId, actorUserId: null, action: "membership.created", entityType: "TenantMembership", entityId: row.id, detail: { role, source: "clerk" } },
    });
  } else if (row.role !== role) {
    await tx.tenantMembership.update({ where: { tenantId_id: { tenantId, id: row.id } }, data: { role } });
    await tx.tenantAuditLog.create({
      data: {
        tenantId,
        actorUserId: null,
        action: "membership.role_changed",
        entityType: "TenantMembership",
        entityId: row.id,
        detail: { from: row.role, to: role, source: "clerk" },
      },
    });
  }
  return { id: row.id, tenantId, userId, role };
}
