import type { Metadata } from "next";
import { AuthPage } from "@/components/auth-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account", alternates: { canonical: "/sign-up" } };

export default function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AuthPage mode="sign-up" searchParams={searchParams} />;
}
