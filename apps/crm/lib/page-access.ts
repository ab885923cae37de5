import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { requireMember, type AuthSession, type MemberRef } from "@real-estate/auth";
import type { TMembershipRole, TResolvedTenant } from "@real-estate/types";
import { getRequestTenant } from "./request-tenant";

export type PageAccess = { tenant: TResolvedTenant; session: AuthSession; member: MemberRef };

/**
 * The gate every CRM page and server action passes: the host must be a tenant's CRM domain,
 * the visitor signed in (else sign-in), and a member of this tenant (else the no-access page;
 * never data). `role: "OWNER"` limits the page to owners.
 */
export async function requirePageAccess(options: { role?: TMembershipRole; returnTo?: string } = {}): Promise<PageAccess> {
  const tenant = await getRequestTenant();
  if (!tenant) notFound();
  const access = await requireMember({ tenantId: tenant.tenantId, role: options.role, headers: await headers() });
  if (!access.ok) {
    if (access.reason === "unauthenticated") redirect(options.returnTo ? `/sign-in?next=${encodeURIComponent(options.returnTo)}` : "/sign-in");
    redirect(access.reason === "forbidden" ? "/no-access?reason=owner" : "/no-access");
  }
  return { tenant, session: access.session, member: access.membership };
}
