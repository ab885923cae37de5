import Link from "next/link";
import { notFound } from "next/navigation";
import { getRequestTenant } from "@/lib/request-tenant";
import { ForgotPasswordForm } from "@/components/password-reset-forms";

export const metadata = { title: "Forgot your password" };

export default async function ForgotPasswordPage() {
  const tenant = await getRequestTenant();
  if (!tenant) notFound();
  return (
    <main className="auth" style={{ ["--brand" as string]: tenant.primaryColor }}>
      <div className="auth-card">
        <h1 data-testid="tenant-name">{tenant.name}</h1>
        <p className="sub">Forgot your password? We e-mail you a link to choose a new one.</p>
        <ForgotPasswordForm />
        <p className="sub">
          <Link href="/sign-in">Back to sign-in</Link>
        </p>
      </div>
    </main>
  );
}
