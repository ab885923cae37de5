import type { ApiKeyRow } from "@real-estate/crm";

/** A key as the API shows it: never its secret or hash, only the prefix owners tell keys apart by. */
export function apiKeyJson(k: ApiKeyRow) {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    rateLimitPerMinute: k.rateLimitPerMinute,
    status: k.revokedAt ? ("revoked" as const) : ("active" as const),
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
