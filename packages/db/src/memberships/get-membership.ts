import type { Db, DbTx } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { membershipSelect, type MembershipRow } from "./membership-select";

/** A membership by id within the tenant; null when missing or another tenant's. */
export async function getMembership(options: { tenantId: string; membershipId: string; db?: Db | DbTx }): Promise<MembershipRow | null> {
  const db = options.db ?? getDb();
  return db.tenantMembership.findUnique({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.membershipId } },
    select: membershipSelect,
  });
}
