import type { MembershipRole } from "@real-estate/db";
import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { membershipSelect, type MembershipRow } from "./membership-select";

/**
 * Makes the user a member of the tenant with this role. Idempotent: an existing membership is
 * returned unchanged (its role is not altered here; use updateMembershipRole for that).
 */
export async function createMembership(options: { tenantId: string; userId: string; role: MembershipRole; db?: Db | DbTx }): Promise<MembershipRow> {
  const db = options.db ?? getDb();
  return db.tenantMembership.upsert({
    where: { tenantId_userId: { tenantId: options.tenantId, userId: options.userId } },
    create: { tenantId: options.tenantId, userId: options.userId, role: options.role },
    update: {},
    select: membershipSelect,
  });
}
