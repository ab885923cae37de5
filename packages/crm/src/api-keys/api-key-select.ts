import crypto from "node:crypto";
import type { Prisma } from "@real-estate/db";

/** Every key starts with this, so leaked keys are recognisable by secret scanners. */
export const API_KEY_PREFIX = "rek_";
/** Characters of the key kept in clear (prefix column) for telling keys apart in lists. */
export const API_KEY_DISPLAY_LENGTH = 12;

/** What a key may do: "read" (GET requests) and "write" (every other method), chosen at creation. */
export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Requests per minute a new key may make unless its creator chooses otherwise. */
export const DEFAULT_API_KEY_RATE_LIMIT_PER_MINUTE = 600;

export const apiKeySelect = {
  tenantId: true,
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  rateLimitPerMinute: true,
  createdByUserId: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies Prisma.ApiKeySelect;

export type ApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof apiKeySelect }>;

/** sha256 (hex) of a whole key; the key itself is never stored. */
export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key, "utf8").digest("hex");
}
