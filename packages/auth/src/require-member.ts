import { getMembershipForUser } from "@real-estate/db/memberships";
import type { TMembershipRole } from "@real-estate/types";
import { getSession, type AuthSession } from "./get-session";

export type MemberRef = { id: string; tenantId: string; userId: string; role: TMembershipRole };

/** Why access was refused: signed out, not a member of this tenant, or a member without the role. */
export type NoAccess =
  | { ok: false; reason: "unauthenticated" }
  | { ok: false; reason: "not_member"; session: AuthSession }
  | { ok: false; reason: "forbidden"; session: AuthSession; membership: MemberRef };

export type MemberAccess = { ok: true; session: AuthSession; membership: MemberRef } | NoAccess;

/**
 * Checks that the signed-in user is a member of the tenant. `role: "OWNER"` additionally
 * requires the owner role; `"AGENT"` (the default) accepts any member, since owners can do
 * everything agents can. Returns a typed result instead of throwing, so pages can render the
 * right screen and routes the right status.
 */
export async function requireMember(options: {
  tenantId: string;
  role?: TMembershipRole;
  headers: Headers;
}): Promise<MemberAccess> {
  const session = await getSession(options.headers);
  if (!session) return { ok: false, reason: "unauthenticated" };
  const row = await getMembershipForUser({ tenantId: options.tenantId, userId: session.user.id });
  if (!row) return { ok: false, reason: "not_member", session };
  const membership: MemberRef = { id: row.id, tenantId: row.tenantId, userId: row.userId, role: row.role };
  if (options.role === "OWNER" && row.role !== "OWNER") return { ok: false, reason: "forbidden", session, membership };
  return { ok: true, session, membership };
}
