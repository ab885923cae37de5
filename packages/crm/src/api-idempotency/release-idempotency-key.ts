import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/**
 * Frees a claimed key whose request failed without an answer worth keeping (a server error):
 * the client's retry with the same key runs the request again.
 */
export async function releaseIdempotencyKey(options: { tenantId: string; principal: string; key: string; db?: Db }): Promise<void> {
  const db = options.db ?? getDb();
  await db.apiIdempotencyKey.deleteMany({ where: { tenantId: options.tenantId, principal: options.principal, key: options.key, completedAt: null } });
}
