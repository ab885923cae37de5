import type { Metadata } from "next";
import Link from "next/link";
import { BrandMark } from "@/components/brand";
import { ForgotPasswordForm } from "@/components/password-reset-forms";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        <BrandMark />
        <h1>Platform Studio</h1>
        <p>Forgot your password? We e-mail a platform operator a link to choose a new one.</p>
        <ForgotPasswordForm />
        <p>
          <Link href="/sign-in">Back to sign-in</Link>
        </p>
      </div>
    </main>
  );
}
