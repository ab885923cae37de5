import type { MembershipRoleData } from "@real-estate/types";
import { currentAuthProvider } from "./provider/current-provider";
import type { AuthSession, MemberRef } from "./provider/auth-session";

export type { MemberRef } from "./provider/auth-session";

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
 * right screen and routes the right status. The same for every provider. Request paths pass
 * `maxAgeMs: VERIFIED_SESSION_TTL_MS`: a member verified that recently in this process is not
 * read again (decision 0050; a sign-out or membership change in this process applies at once).
 */
export async function requireMember(options: { tenantId: string; role?: MembershipRoleData; headers: Headers; maxAgeMs?: number }): Promise<MemberAccess> {
  const found = await currentAuthProvider().getMember({ tenantId: options.tenantId, headers: options.headers, maxAgeMs: options.maxAgeMs });
  if (!found) return { ok: false, reason: "unauthenticated" };
  const { session, membership } = found;
  if (!membership) return { ok: false, reason: "not_member", session };
  if (options.role === "OWNER" && membership.role !== "OWNER") return { ok: false, reason: "forbidden", session, membership };
  return { ok: true, session, membership };
}
