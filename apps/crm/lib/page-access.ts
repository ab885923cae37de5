import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { requireMember, VERIFIED_SESSION_TTL_MS, type AuthSession, type MemberRef } from "@real-estate/auth";
import type { MembershipRoleData, ResolvedTenant } from "@real-estate/types";
import { getRequestTenant } from "./request-tenant";

export type PageAccess = { tenant: ResolvedTenant; session: AuthSession; member: MemberRef };

// Layout and page both check access; cache() makes that one session lookup per request, and a
// member this process verified in the last few seconds is not read again (decision 0050).
const memberAccess = cache(async (tenantId: string) => requireMember({ tenantId, headers: await headers(), maxAgeMs: VERIFIED_SESSION_TTL_MS }));

/**
 * The gate every CRM page and server action passes: the host must be a tenant's CRM domain,
 * the visitor signed in (else sign-in), and a member of this tenant (else the no-access page;
 * never data). `role: "OWNER"` limits the page to owners.
 */
export async function requirePageAccess(options: { role?: MembershipRoleData; returnTo?: string } = {}): Promise<PageAccess> {
  const tenant = await getRequestTenant();
  if (!tenant) notFound();
  const access = await memberAccess(tenant.tenantId);
  if (!access.ok) {
    if (access.reason === "unauthenticated") redirect(options.returnTo ? `/sign-in?next=${encodeURIComponent(options.returnTo)}` : "/sign-in");
    redirect("/no-access");
  }
  if (options.role === "OWNER" && access.membership.role !== "OWNER") redirect("/no-access?reason=owner");
  return { tenant, session: access.session, member: access.membership };
}
