import { getMembershipForUser } from "@real-estate/crm";
import type { AuthProvider } from "../provider/auth-provider";
import { getBetterAuthSession } from "./better-auth-session";
import { recallVerifiedMember, rememberVerifiedMember, startVerification, verifiedMemberKey } from "./verified-members";

/** The self-hosted default: sessions in our own tables, memberships in TenantMembership. */
export const betterAuthProvider: AuthProvider = {
  name: "better-auth",
  getSession: getBetterAuthSession,
  async getMember({ tenantId, headers, maxAgeMs = 0 }) {
    // A member this process verified in the last few seconds is not read again (decision 0050).
    const key = maxAgeMs > 0 ? verifiedMemberKey(tenantId, headers) : null;
    const recalled = key ? recallVerifiedMember(key, maxAgeMs) : null;
    if (recalled) return recalled;
    const started = startVerification();
    const session = await getBetterAuthSession(headers);
    if (!session) return null;
    const row = await getMembershipForUser({ tenantId, userId: session.user.id });
    const membership = row ? { id: row.id, tenantId: row.tenantId, userId: row.userId, role: row.role } : null;
    if (key && membership) rememberVerifiedMember(key, started, { session, membership });
    return { session, membership };
  },
};
