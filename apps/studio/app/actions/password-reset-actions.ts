"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readForgotPasswordForm, requestOperatorPasswordReset, resetStaffPasswordFromForm, type PasswordResetFormState } from "@real-estate/auth";
import { studioEnv } from "@/lib/env";

export type PasswordResetState = PasswordResetFormState;

/** "Forgot your password" on the studio: the same answer whether or not the address is an operator's. */
export async function forgotPasswordAction(_prev: PasswordResetState, form: FormData): Promise<PasswordResetState> {
  const parsed = readForgotPasswordForm(form);
  if (!parsed.ok) return { error: parsed.error };
  const result = await requestOperatorPasswordReset({ email: parsed.email, studioUrl: studioEnv().STUDIO_PUBLIC_URL, headers: await headers() });
  if (!result.ok) return { error: result.message };
  return { ok: `If ${parsed.email} is a platform operator's address, a link to choose a new password is on its way. It works for 60 minutes, once.` };
}

/** Sets the new password with the e-mailed token (once; every session of the account ends), then sends the operator to sign in. */
export async function resetPasswordAction(_prev: PasswordResetState, form: FormData): Promise<PasswordResetState> {
  const result = await resetStaffPasswordFromForm(form, await headers());
  if (!result.ok) return { error: result.error };
  redirect("/sign-in?reset=done");
}
