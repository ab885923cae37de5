import Link from "next/link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { requireMember } from "@real-estate/auth";
import { safeRedirectPath } from "@real-estate/http";
import { getRequestTenant } from "@/lib/request-tenant";
import { SignInForm } from "@/components/sign-in-form";
import { ClerkSignIn } from "@real-estate/auth/clerk-components";
import { clerkSelected } from "@real-estate/auth/clerk-next";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; reset?: string | string[] }> }) {
  const tenant = await getRequestTenant();
  if (!tenant) notFound();
  const access = await requireMember({ tenantId: tenant.tenantId, headers: await headers() });
  if (access.ok) redirect("/");
  const { next, reset } = await searchParams;
  return (
    <main className="auth" style={{ ["--brand" as string]: tenant.primaryColor }}>
      <div className="auth-card">
        <h1 data-testid="tenant-name">{tenant.name}</h1>
        <p className="sub">Sign in to the CRM{tenant.tagline ? ` · ${tenant.tagline}` : ""}</p>
        {!access.ok && access.reason === "not_member" && (
          <div className="notice">You are signed in as {access.session.user.email}, which has no access to this brokerage. Sign in with another account.</div>
        )}
        {reset === "done" && (
          <div className="notice" role="status">
            Your password is changed. Sign in with the new one.
          </div>
        )}
        {clerkSelected() ? (
          <ClerkSignIn next={safeRedirectPath(next)} />
        ) : (
          <>
            <SignInForm next={safeRedirectPath(next)} />
            <p className="sub">
              <Link href="/forgot-password">Forgot your password?</Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
