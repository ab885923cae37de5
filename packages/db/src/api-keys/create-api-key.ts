import crypto from "node:crypto";
import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { API_KEY_DISPLAY_LENGTH, API_KEY_PREFIX, apiKeySelect, hashApiKey, type ApiKeyRow } from "./api-key-select";

/**
 * Creates an API key for the tenant. The returned `key` is shown once: only its sha256 and
 * its first characters are stored. Audited.
 */
export async function createApiKey(options: {
  tenantId: string;
  name: string;
  createdByUserId: string;
  db?: Db;
}): Promise<{ apiKey: ApiKeyRow; key: string }> {
  const db = options.db ?? getDb();
  const key = `${API_KEY_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  const apiKey = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        tenantId: options.tenantId,
        name: options.name.trim(),
        prefix: key.slice(0, API_KEY_DISPLAY_LENGTH),
        keyHash: hashApiKey(key),
        createdByUserId: options.createdByUserId,
      },
      select: apiKeySelect,
    });
    await tx.tenantAuditLog.create({
      data: {
        tenantId: options.tenantId,
        actorUserId: options.createdByUserId,
        action: "api_key.created",
        entityType: "ApiKey",
        entityId: row.id,
        detail: { prefix: row.prefix },
      },
    });
    return row;
  });
  return { apiKey, key };
}
