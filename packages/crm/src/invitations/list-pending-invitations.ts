import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
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
