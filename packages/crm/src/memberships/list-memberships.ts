import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { membershipSelect, type MembershipRow } from "./membership-select";

/** Every member of the tenant, owners first, then by name. */
export async function listMemberships(options: { tenantId: string; db?: Db }): Promise<MembershipRow[]> {
  const db = options.db ?? getDb();
  return db.tenantMembership.findMany({
    where: { tenantId: options.tenantId },
    select: membershipSelect,
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }, { id: "asc" }],
  });
}
