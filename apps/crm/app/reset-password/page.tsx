import Link from "next/link";
import { notFound } from "next/navigation";
import { getRequestTenant } from "@/lib/request-tenant";
import { ResetPasswordForm } from "@/components/password-reset-forms";

export const metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const tenant = await getRequestTenant();
  if (!tenant) notFound();
  const { token } = await searchParams;
  const value = typeof token === "string" ? token.slice(0, 200) : "";
  return (
    <main className="auth" style={{ ["--brand" as string]: tenant.primaryColor }}>
      <div className="auth-card">
        <h1 data-testid="tenant-name">{tenant.name}</h1>
        <p className="sub">Choose a new password</p>
        {value ? (
          <ResetPasswordForm token={value} />
        ) : (
          <div className="notice error">This link is not complete. Open the link from the e-mail again, or ask for a new one.</div>
        )}
        <p className="sub">
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      </div>
    </main>
  );
}
