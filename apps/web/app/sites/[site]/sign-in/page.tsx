import type { Metadata } from "next";
import { AuthPage } from "@/components/auth-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", alternates: { canonical: "/sign-in" } };

export default function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AuthPage mode="sign-in" searchParams={searchParams} />;
}
