import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "../shared/is-uuid";

/** Marks a member away (skipped by round robins) or back; false when the membership is not the tenant's. */
export async function setMemberAway(options: { tenantId: string; membershipId: string; away: boolean; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  if (!isUuid(options.membershipId)) return false;
  const { count } = await db.tenantMembership.updateMany({ where: { tenantId: options.tenantId, id: options.membershipId }, data: { away: options.away } });
  return count === 1;
}
