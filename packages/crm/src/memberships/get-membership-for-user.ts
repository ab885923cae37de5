import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { membershipSelect, type MembershipRow } from "./membership-select";

/** The user's membership in this tenant, or null when they are not a member. */
export async function getMembershipForUser(options: { tenantId: string; userId: string; db?: Db | DbTx }): Promise<MembershipRow | null> {
  const db = options.db ?? getDb();
  return db.tenantMembership.findUnique({
    where: { tenantId_userId: { tenantId: options.tenantId, userId: options.userId } },
    select: membershipSelect,
  });
}
