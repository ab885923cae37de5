import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { hashInvitationToken, invitationSelect, invitationState, type InvitationRow, type InvitationState } from "./invitation-select";

/** The tenant's invitation for a link token, with its state; null for an unknown token. */
export async function getInvitationByToken(options: {
  tenantId: string;
  token: string;
  db?: Db;
}): Promise<(InvitationRow & { state: InvitationState }) | null> {
  const db = options.db ?? getDb();
  if (!options.token || options.token.length > 200) return null;
  const row = await db.tenantInvitation.findUnique({
    where: { tenantId_tokenHash: { tenantId: options.tenantId, tokenHash: hashInvitationToken(options.token) } },
    select: invitationSelect,
  });
  return row ? { ...row, state: invitationState(row) } : null;
}
