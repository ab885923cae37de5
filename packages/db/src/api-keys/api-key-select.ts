import crypto from "node:crypto";
import type { Prisma } from "../generated/prisma/client";

/** Every key starts with this, so leaked keys are recognisable by secret scanners. */
export const API_KEY_PREFIX = "rek_";
/** Characters of the key kept in clear (prefix column) for telling keys apart in lists. */
export const API_KEY_DISPLAY_LENGTH = 12;

export const apiKeySelect = {
  tenantId: true,
  id: true,
  name: true,
  prefix: true,
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
