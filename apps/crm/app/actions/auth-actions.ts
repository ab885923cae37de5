"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signInWithPassword, signOut } from "@real-estate/auth";
import { countSignInAttempt } from "@/lib/sign-in-throttle";

export type SignInState = { error?: string; email?: string };

const ZSignIn = z.object({
  email: z.email("Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
  next: z.string().max(500).optional(),
});

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = ZSignIn.safeParse({ email: form.get("email"), password: form.get("password"), next: form.get("next") || undefined });
  const email = String(form.get("email") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form.", email };
  const requestHeaders = await headers();
  const throttle = countSignInAttempt(requestHeaders, parsed.data.email);
  if (!throttle.ok) return { error: `Too many sign-in attempts; try again in ${throttle.retryAfterSeconds} seconds.`, email };
  const result = await signInWithPassword({ email: parsed.data.email, password: parsed.data.password, headers: requestHeaders });
  if (!result.ok) return { error: result.message, email };
  redirect(safeNext(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}
