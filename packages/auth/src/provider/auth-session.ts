import type { MembershipRoleData } from "@real-estate/types";

/** The signed-in user and their session, provider-neutral. */
export type AuthSession = {
  user: { id: string; email: string; name: string; platformRole: string | null };
  session: { id: string; expiresAt: Date };
};

/** A user's membership of one tenant (a TenantMembership row, whichever provider vouched for it). */
export type MemberRef = { id: string; tenantId: string; userId: string; role: MembershipRoleData };
