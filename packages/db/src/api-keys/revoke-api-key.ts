import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";

/** Revokes a key at once; false when it is not this tenant's or already revoked. Audited. */
export async function revokeApiKey(options: { tenantId: string; apiKeyId: string; actorUserId: string; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const { count } = await db.apiKey.updateMany({
    where: { tenantId: options.tenantId, id: options.apiKeyId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 1) {
    await db.tenantAuditLog.create({
      data: { tenantId: options.tenantId, actorUserId: options.actorUserId, action: "api_key.revoked", entityType: "ApiKey", entityId: options.apiKeyId },
    });
  }
  return count === 1;
}
