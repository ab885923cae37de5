import crypto from "node:crypto";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import {
  API_KEY_DISPLAY_LENGTH,
  API_KEY_PREFIX,
  API_KEY_SCOPES,
  apiKeySelect,
  DEFAULT_API_KEY_RATE_LIMIT_PER_MINUTE,
  hashApiKey,
  type ApiKeyRow,
  type ApiKeyScope,
} from "./api-key-select";

/**
 * Creates an API key for the tenant. The returned `key` is shown once: only its sha256 and
 * its first characters are stored. Audited.
 */
export async function createApiKey(options: {
  tenantId: string;
  name: string;
  createdByUserId: string;
  /** What the key may do (default both "read" and "write"); at least one. */
  scopes?: readonly ApiKeyScope[];
  /** Requests per minute (default 600). */
  rateLimitPerMinute?: number;
  db?: Db;
}): Promise<{ apiKey: ApiKeyRow; key: string }> {
  const db = options.db ?? getDb();
  const scopes = API_KEY_SCOPES.filter((s) => (options.scopes ?? API_KEY_SCOPES).includes(s));
  if (scopes.length === 0) throw new Error("an API key needs at least one scope");
  const rateLimitPerMinute = options.rateLimitPerMinute ?? DEFAULT_API_KEY_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1 || rateLimitPerMinute > 100_000) {
    throw new Error("rateLimitPerMinute must be an integer from 1 to 100000");
  }
  const key = `${API_KEY_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  const apiKey = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        tenantId: options.tenantId,
        name: options.name.trim(),
        prefix: key.slice(0, API_KEY_DISPLAY_LENGTH),
        keyHash: hashApiKey(key),
        createdByUserId: options.createdByUserId,
        scopes,
        rateLimitPerMinute,
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
        detail: { prefix: row.prefix, scopes, rateLimitPerMinute },
      },
    });
    return row;
  });
  return { apiKey, key };
}
