import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { forgetVerifiedApiKeys } from "./verify-api-key";

/**
 * Revokes a key: its next request to this process is refused, and every other instance refuses it
 * within VERIFIED_API_KEY_TTL_MS. False when it is not this tenant's or already revoked. Audited.
 */
export async function revokeApiKey(options: { tenantId: string; apiKeyId: string; actorUserId: string; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const { count } = await db.apiKey.updateMany({
    where: { tenantId: options.tenantId, id: options.apiKeyId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  forgetVerifiedApiKeys({ tenantId: options.tenantId, apiKeyId: options.apiKeyId });
  if (count === 1) {
    await db.tenantAuditLog.create({
      data: { tenantId: options.tenantId, actorUserId: options.actorUserId, action: "api_key.revoked", entityType: "ApiKey", entityId: options.apiKeyId },
    });
  }
  return count === 1;
}
