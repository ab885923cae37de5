import { getMembershipForUser } from "@real-estate/crm";
import type { AuthProvider } from "../provider/auth-provider";
import { getBetterAuthSession } from "./better-auth-session";

/** The self-hosted default: sessions in our own tables, memberships in TenantMembership. */
export const betterAuthProvider: AuthProvider = {
  name: "better-auth",
  getSession: getBetterAuthSession,
  async getMember({ tenantId, headers }) {
    const session = await getBetterAuthSession(headers);
    if (!session) return null;
    const row = await getMembershipForUser({ tenantId, userId: session.user.id });
    return { session, membership: row ? { id: row.id, tenantId: row.tenantId, userId: row.userId, role: row.role } : null };
  },
};
