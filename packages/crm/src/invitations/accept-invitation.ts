import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { membershipSelect, type MembershipRow } from "../memberships/membership-select";
import { hashInvitationToken, invitationState, type InvitationState } from "./invitation-select";

export type AcceptInvitationResult =
  { ok: true; membership: MembershipRow } | { ok: false; reason: "not_found" | "email_mismatch" | Exclude<InvitationState, "pending"> };

/**
 * Accepts an invitation for the signed-in user: the user's email must be the invited one.
 * Creates the membership (an existing membership keeps its role) and marks the invitation
 * used, in one transaction, so a link works once.
 */
export async function acceptInvitation(options: {
  tenantId: string;
  token: string;
  userId: string;
  userEmail: string;
  db?: Db;
}): Promise<AcceptInvitationResult> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "TenantInvitation"
       WHERE "tenantId" = ${tenantId}::uuid AND "tokenHash" = ${hashInvitationToken(options.token)} FOR UPDATE`;
    const id = rows[0]?.id;
    if (!id) return { ok: false, reason: "not_found" } as const;
    const invitation = await tx.tenantInvitation.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } });
    const state = invitationState(invitation);
    if (state !== "pending") return { ok: false, reason: state } as const;
    if (invitation.email !== options.userEmail.trim().toLowerCase()) return { ok: false, reason: "email_mismatch" } as const;
    await tx.tenantInvitation.update({ where: { tenantId_id: { tenantId, id } }, data: { acceptedAt: new Date() } });
    const membership = await tx.tenantMembership.upsert({
      where: { tenantId_userId: { tenantId, userId: options.userId } },
      create: { tenantId, userId: options.userId, role: invitation.role },
      update: {},
      select: membershipSelect,
    });
    await tx.tenantAuditLog.create({
      data: { tenantId, actorUserId: options.userId, action: "invitation.accepted", entityType: "TenantInvitation", entityId: id },
    });
    return { ok: true, membership } as const;
  });
}
