"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signInWithPassword, signOut } from "@real-estate/auth";
import { safeRedirectPath } from "@real-estate/http";

export type SignInState = { error?: string; email?: string };

const ZSignIn = z.object({
  email: z.email("Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
  next: z.string().max(500).optional(),
});

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = ZSignIn.safeParse({ email: form.get("email"), password: form.get("password"), next: form.get("next") || undefined });
  const email = String(form.get("email") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form.", email };
  const requestHeaders = await headers();
  // Sign-in limits (per account and per address, shared by every instance) are applied inside
  // the auth module, on this form and on /api/auth/sign-in/email alike.
  const result = await signInWithPassword({ email: parsed.data.email, password: parsed.data.password, headers: requestHeaders });
  if (!result.ok) return { error: result.message, email };
  // Only same-site paths are followed after sign-in (no open redirect).
  redirect(safeRedirectPath(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}
