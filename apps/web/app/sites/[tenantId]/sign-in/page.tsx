import type { Metadata } from "next";
import { AuthForm } from "@/components/forms/auth-form";
import { ZNextPath } from "@/lib/visitors/auth-schemas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false }, alternates: { canonical: "/sign-in" } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const q = await searchParams;
  const error = typeof q.error === "string" ? q.error : undefined;
  const next = ZNextPath.parse(typeof q.next === "string" ? q.next : undefined);
  return (
    <div className="section">
      <div className="container narrow">
        <div className="card card-pad">
          <h1 style={{ fontSize: "1.8rem" }}>Sign in</h1>
          <p className="muted">Welcome back. Your saved homes and searches are waiting.</p>
          <AuthForm mode="sign-in" error={error} next={next} renderedAt={Date.now()} />
          <p className="small" style={{ marginTop: 16, marginBottom: 0 }}>New here? <a href={`/sign-up${next ? `?next=${encodeURIComponent(next)}` : ""}`}>Create an account</a></p>
        </div>
      </div>
    </div>
  );
}
