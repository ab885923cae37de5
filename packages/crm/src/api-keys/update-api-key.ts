import { z } from "zod";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { apiKeySelect, type ApiKeyRow } from "./api-key-select";
import { forgetVerifiedApiKeys } from "./verify-api-key";

/**
 * What an owner may change on a key after creation: its name and its requests per minute. Its
 * scopes are chosen at creation (a key with other access is a new key), so `scopes`, like any
 * other field, is refused.
 */
export const ZApiKeyPatch = z
  .strictObject({
    name: z.string().trim().min(1, "Name the key (what uses it?).").max(80).optional(),
    rateLimitPerMinute: z
      .number()
      .int("A whole number of requests.")
      .min(1, "At least 1 request per minute.")
      .max(100_000, "At most 100,000 requests per minute.")
      .optional(),
  })
  .refine((p) => p.name !== undefined || p.rateLimitPerMinute !== undefined, { message: "Change the name or rateLimitPerMinute." });
export type ApiKeyPatch = z.output<typeof ZApiKeyPatch>;

export type UpdateApiKeyResult = { ok: true; apiKey: ApiKeyRow } | { ok: false; error: "not_found" | "revoked" };

/**
 * Changes a key's name and/or per-minute limit; the key's next request to this process is counted
 * against the new limit (on other instances within VERIFIED_API_KEY_TTL_MS). The key's row is
 * locked from the read to the audit entry, so concurrent edits apply one after another and each
 * audit entry's `from` is the value the previous one set.
 * Another tenant's key is not found; a revoked key cannot be edited. Audited (`api_key.updated`).
 */
export async function updateApiKey(options: {
  tenantId: string;
  apiKeyId: string;
  change: ApiKeyPatch;
  actorUserId: string;
  db?: Db;
}): Promise<UpdateApiKeyResult> {
  const db = options.db ?? getDb();
  const { tenantId, apiKeyId, change } = options;
  const result = await db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ name: string; rateLimitPerMinute: number; revoked: boolean }[]>`
        SELECT name, "rateLimitPerMinute", ("revokedAt" IS NOT NULL) AS revoked FROM "ApiKey"
         WHERE "tenantId" = ${tenantId}::uuid AND id::text = ${apiKeyId} FOR UPDATE`;
      const current = locked[0];
      if (!current) return { ok: false, error: "not_found" } as const;
      if (current.revoked) return { ok: false, error: "revoked" } as const;
      const apiKey = await tx.apiKey.update({
        where: { tenantId_id: { tenantId, id: apiKeyId } },
        data: {
          ...(change.name !== undefined && { name: change.name }),
          ...(change.rateLimitPerMinute !== undefined && { rateLimitPerMinute: change.rateLimitPerMinute }),
        },
        select: apiKeySelect,
      });
      const detail: Record<string, { from: string | number; to: string | number }> = {};
      if (change.name !== undefined && change.name !== current.name) detail.name = { from: current.name, to: change.name };
      if (change.rateLimitPerMinute !== undefined && change.rateLimitPerMinute !== current.rateLimitPerMinute) {
        detail.rateLimitPerMinute = { from: current.rateLimitPerMinute, to: change.rateLimitPerMinute };
      }
      if (Object.keys(detail).length > 0) {
        await tx.tenantAuditLog.create({
          data: { tenantId, actorUserId: options.actorUserId, action: "api_key.updated", entityType: "ApiKey", entityId: apiKeyId, detail },
        });
      }
      return { ok: true, apiKey } as const;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  forgetVerifiedApiKeys({ tenantId, apiKeyId });
  return result;
}
