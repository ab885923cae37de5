import { getSession } from "@real-estate/auth";
import { OPERATOR_ROLE } from "@real-estate/auth";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { BrandMark } from "@/components/brand";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const session = await getSession(await headers());
  const { next } = await searchParams;
  const target = next?.startsWith("/") && !next.startsWith("//") ? next : "/";
  if (session?.user.platformRole === OPERATOR_ROLE) redirect(target);
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        <BrandMark />
        <h1>Platform Studio</h1>
        <p>Operators only. Sign in with your platform operator account.</p>
        <SignInForm next={target} />
      </div>
    </main>
  );
}
