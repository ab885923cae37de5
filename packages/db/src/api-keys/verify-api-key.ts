import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { API_KEY_PREFIX, apiKeySelect, hashApiKey, type ApiKeyRow } from "./api-key-select";

/** lastUsedAt is written at most this often per key (default 60 s), not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The tenant's active key matching this secret, or null (unknown, revoked, or another
 * tenant's key: a key only works on its own tenant).
 */
export async function verifyApiKey(options: { tenantId: string; key: string; db?: Db }): Promise<ApiKeyRow | null> {
  const db = options.db ?? getDb();
  if (!options.key.startsWith(API_KEY_PREFIX) || options.key.length > 200) return null;
  const row = await db.apiKey.findUnique({
    where: { tenantId_keyHash: { tenantId: options.tenantId, keyHash: hashApiKey(options.key) } },
    select: apiKeySelect,
  });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { tenantId_id: { tenantId: row.tenantId, id: row.id } }, data: { lastUsedAt: new Date(now) } });
  }
  return row;
}
