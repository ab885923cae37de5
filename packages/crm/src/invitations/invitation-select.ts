import crypto from "node:crypto";
import type { Prisma } from "@real-estate/db";

export const invitationSelect = {
  tenantId: true,
  id: true,
  email: true,
  role: true,
  invitedByUserId: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
} satisfies Prisma.TenantInvitationSelect;

export type InvitationRow = Prisma.TenantInvitationGetPayload<{ select: typeof invitationSelect }>;
export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

/** sha256 (hex) of an invitation token; only the hash is stored. */
export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitationState(row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "pending";
}
