import type { DbTx } from "@real-estate/db";

/**
 * Locks the tenant's row for the rest of the transaction, so that changes to its hosts run one
 * after the other: two hosts added (or marked primary) at the same time each saw the other's
 * primary missing and both stayed primary. False when the tenant does not exist.
 */
export async function lockTenantDomains(tx: DbTx, tenantId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM "Tenant" WHERE id = ${tenantId}::uuid FOR UPDATE`;
  return rows.length === 1;
}
