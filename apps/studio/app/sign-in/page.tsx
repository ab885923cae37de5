import { getSession } from "@real-estate/auth";
import { OPERATOR_ROLE } from "@real-estate/auth";
import { safeRedirectPath } from "@real-estate/http";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BrandMark } from "@/components/brand";
import { SignInForm } from "./sign-in-form";
import { ClerkSignIn } from "@real-estate/auth/clerk-components";
import { clerkSelected } from "@real-estate/auth/clerk-next";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; reset?: string }> }) {
  const session = await getSession(await headers());
  const { next, reset } = await searchParams;
  // Only same-site paths are followed after sign-in (no open redirect).
  const target = safeRedirectPath(next);
  if (session?.user.platformRole === OPERATOR_ROLE) redirect(target);
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        <BrandMark />
        <h1>Platform Studio</h1>
        <p>Operators only. Sign in with your platform operator account.</p>
        {reset === "done" ? (
          <p role="status" data-testid="reset-done">
            Your password is changed. Sign in with the new one.
          </p>
        ) : null}
        {clerkSelected() ? (
          <ClerkSignIn next={target} />
        ) : (
          <>
            <SignInForm next={target} />
            <p>
              <Link href="/forgot-password">Forgot your password?</Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
