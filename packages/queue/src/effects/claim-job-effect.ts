import type { DbTx } from "@real-estate/db";

/**
 * Records in the JobEffect ledger that the effect of (tenantId, kind, key) is being applied, inside
 * the transaction that applies it. Returns false when the ledger already holds the key: the
 * effect was applied by an earlier attempt (a worker that died after committing, a completion
 * that was not recorded), so the caller changes nothing. Concurrent attempts serialise on the
 * primary key: the second waits for the first to commit or roll back.
 */
export async function claimJobEffect(tx: DbTx, options: { tenantId: string; kind: string; key: string; now?: Date }): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "JobEffect" ("tenantId", kind, key, "appliedAt")
    VALUES (${options.tenantId}::uuid, ${options.kind}, ${options.key}, ${options.now ?? new Date()}::timestamp(3))
    ON CONFLICT ("tenantId", kind, key) DO NOTHING`;
  return inserted > 0;
}
