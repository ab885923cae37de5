import type { Metadata } from "next";
import { AuthForm } from "@/components/forms/auth-form";
import { ZNextPath } from "@/lib/visitors/auth-schemas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account", robots: { index: false }, alternates: { canonical: "/sign-up" } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const q = await searchParams;
  const error = typeof q.error === "string" ? q.error : undefined;
  const next = ZNextPath.parse(typeof q.next === "string" ? q.next : undefined);
  return (
    <div className="section">
      <div className="container narrow">
        <div className="card card-pad">
          <h1 style={{ fontSize: "1.8rem" }}>Create your account</h1>
          <p className="muted">Save homes and searches, and pick up where you left off on any device.</p>
          <AuthForm mode="sign-up" error={error} next={next} renderedAt={Date.now()} />
          <p className="small" style={{ marginTop: 16, marginBottom: 0 }}>Already have an account? <a href={`/sign-in${next ? `?next=${encodeURIComponent(next)}` : ""}`}>Sign in</a></p>
        </div>
      </div>
    </div>
  );
}
