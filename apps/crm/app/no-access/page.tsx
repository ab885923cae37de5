import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { requireMember } from "@real-estate/auth";
import { unsafeListMembershipsOfUser } from "@real-estate/crm";
import { getRequestTenant } from "@/lib/request-tenant";
import { signOutAction } from "@/app/actions/auth-actions";

export const metadata = { title: "No access" };

/** Signed in, but not a member here (or not an owner for owner pages): say so, show no data. */
export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const tenant = await getRequestTenant();
  if (!tenant) notFound();
  const access = await requireMember({ tenantId: tenant.tenantId, headers: await headers() });
  if (!access.ok && access.reason === "unauthenticated") redirect("/sign-in");
  const { reason } = await searchParams;
  const ownerOnly = access.ok && reason === "owner";
  if (access.ok && !ownerOnly) redirect("/");
  const session = access.ok ? access.session : (access as { session: { user: { id: string; email: string } } }).session;
  const elsewhere = access.ok ? [] : await unsafeListMembershipsOfUser({ userId: session.user.id });
  return (
    <main className="auth">
      <div className="auth-card" style={{ borderTopColor: "var(--danger)" }}>
        <h1 data-testid="no-access">{ownerOnly ? "Owners only" : "No access to this brokerage"}</h1>
        <p className="sub">
          {ownerOnly
            ? `This page is for owners of ${tenant.name}. Your role here is agent.`
            : `You are signed in as ${session.user.email}, which is not a member of ${tenant.name}. Nothing of this brokerage is shown.`}
        </p>
        {elsewhere.length > 0 && (
          <p className="muted">Your account belongs to: {elsewhere.map((m) => m.tenant.name).join(", ")}. Open that brokerage&apos;s own CRM address.</p>
        )}
        {ownerOnly ? (
          <a className="btn" href="/">
            Back to the dashboard
          </a>
        ) : (
          <form action={signOutAction}>
            <button className="btn btn-primary" type="submit">
              Sign out and use another account
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
