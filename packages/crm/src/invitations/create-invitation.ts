import crypto from "node:crypto";
import type { MembershipRole } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { loadBranding, queueEmail } from "@real-estate/mail";
import { hashInvitationToken, invitationSelect, type InvitationRow } from "./invitation-select";

/** Days an invitation link stays valid (default 7). */
export const INVITATION_TTL_DAYS = 7;

/**
 * Invites an email address to the tenant with a role and e-mails the link to it: the invitation
 * e-mail is written to the outbox in the transaction that creates the invitation, so it exists
 * exactly when the invitation does (decision 0012). Returns the row and the token for the link;
 * the token is not stored (only its sha256; the outbox keeps the rendered e-mail). Audited.
 */
export async function createInvitation(options: {
  tenantId: string;
  email: string;
  role: MembershipRole;
  invitedByUserId: string;
  ttlDays?: number;
  /**
   * The tenant's CRM host the request came in on: the link opens on it when it is one of the
   * tenant's CRM domains (else on the primary one), with the platform's scheme and CRM port,
   * never the request's.
   */
  crmHost?: string | null;
  db?: Db;
}): Promise<{ invitation: InvitationRow; token: string; acceptUrl: string; emailId: string }> {
  const db = options.db ?? getDb();
  const token = crypto.randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + (options.ttlDays ?? INVITATION_TTL_DAYS) * 86_400_000);
  const { invitation, acceptUrl, emailId } = await db.$transaction(async (tx) => {
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
    const brand = await loadBranding(tx, options.tenantId, { crmHost: options.crmHost });
    const acceptUrl = `${brand.crmUrl.replace(/\/+$/, "")}/accept-invitation?token=${token}`;
    // The inviter as this brokerage knows them: their member profile's name, else the account's.
    const inviter = await tx.user.findUnique({
      where: { id: options.invitedByUserId },
      select: { name: true, memberships: { where: { tenantId: options.tenantId }, select: { displayName: true } } },
    });
    const invitedBy = inviter?.memberships[0]?.displayName?.trim() || inviter?.name || null;
    const email = await queueEmail(tx, {
      tenantId: options.tenantId,
      brand,
      template: "invitation",
      props: { invitedBy, role: row.role, acceptUrl, expiresOn: expiresAt.toISOString().slice(0, 10) },
      to: { address: row.email },
      dedupeKey: `invitation:${row.id}`,
    });
    return { invitation: row, acceptUrl, emailId: email.id };
  });
  return { invitation, token, acceptUrl, emailId };
}
