import type { Metadata } from "next";
import Link from "next/link";
import { BrandMark } from "@/components/brand";
import { ResetPasswordForm } from "@/components/password-reset-forms";

// The token is in the URL: no Referer carries it to another site.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token.slice(0, 200) : "";
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        <BrandMark />
        <h1>Choose a new password</h1>
        {value ? (
          <ResetPasswordForm token={value} />
        ) : (
          <div className="field-error" role="alert">
            This link is not complete. Open the link from the e-mail again, or ask for a new one.
          </div>
        )}
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      </div>
    </main>
  );
}
