import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { invitationSelect, type InvitationRow } from "./invitation-select";

/** Invitations of the tenant that can still be accepted, newest first. */
export async function listPendingInvitations(options: { tenantId: string; db?: Db }): Promise<InvitationRow[]> {
  const db = options.db ?? getDb();
  return db.tenantInvitation.findMany({
    where: { tenantId: options.tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: invitationSelect,
    orderBy: { createdAt: "desc" },
  });
}
