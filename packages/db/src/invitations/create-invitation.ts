import crypto from "node:crypto";
import type { MembershipRole } from "../generated/prisma/enums";
import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { hashInvitationToken, invitationSelect, type InvitationRow } from "./invitation-select";

/** Days an invitation link stays valid (default 7). */
export const INVITATION_TTL_DAYS = 7;

/**
 * Invites an email address to the tenant with a role. Returns the row and the token for the
 * link; the token is not stored (only its sha256) and cannot be shown again. Audited.
 */
export async function createInvitation(options: {
  tenantId: string;
  email: string;
  role: MembershipRole;
  invitedByUserId: string;
  ttlDays?: number;
  db?: Db;
}): Promise<{ invitation: InvitationRow; token: string }> {
  const db = options.db ?? getDb();
  const token = crypto.randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + (options.ttlDays ?? INVITATION_TTL_DAYS) * 86_400_000);
  const invitation = await db.$transaction(async (tx) => {
    const row = await tx.tenantInvitation.create({
      data: {
        tenantId: options.tenantId,
        email: options.email.trim().toLowerCase(),
        role: options.role,
        tokenHash: hashInvitationToken(token),
        invitedByUserId: options.invitedByUserId,
        expiresAt,
      },
      select: invitationSelect,
    });
    await tx.tenantAuditLog.create({
      data: {
        tenantId: options.tenantId,
        actorUserId: options.invitedByUserId,
        action: "invitation.created",
        entityType: "TenantInvitation",
        entityId: row.id,
        detail: { role: row.role },
      },
    });
    return row;
  });
  return { invitation, token };
}
