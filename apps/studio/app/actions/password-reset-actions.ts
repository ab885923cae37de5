"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { checkStaffPassword, requestOperatorPasswordReset, resetStaffPassword } from "@real-estate/auth";
import { studioEnv } from "@/lib/env";

export type PasswordResetState = { ok?: string; error?: string };

const ZForgot = z.object({ email: z.email("Enter your email address.").max(254) });

/** "Forgot your password" on the studio: the same answer whether or not the address is an operator's. */
export async function forgotPasswordAction(_prev: PasswordResetState, form: FormData): Promise<PasswordResetState> {
  const parsed = ZForgot.safeParse({ email: form.get("email") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  const result = await requestOperatorPasswordReset({ email: parsed.data.email, studioUrl: studioEnv().STUDIO_PUBLIC_URL, headers: await headers() });
  if (!result.ok) return { error: result.message };
  return { ok: `If ${parsed.data.email} is a platform operator's address, a link to choose a new password is on its way. It works for 60 minutes, once.` };
}

const ZReset = z
  .object({
    token: z.string().min(10, "This link is not complete.").max(200),
    password: z.string().superRefine((password, ctx) => {
      const check = checkStaffPassword(password);
      if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
    }),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ." });

/** Sets the new password with the e-mailed token (once; every session of the account ends), then sends the operator to sign in. */
export async function resetPasswordAction(_prev: PasswordResetState, form: FormData): Promise<PasswordResetState> {
  const parsed = ZReset.safeParse({ token: form.get("token"), password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  const result = await resetStaffPassword({ token: parsed.data.token, newPassword: parsed.data.password, headers: await headers() });
  if (!result.ok) return { error: result.message };
  redirect("/sign-in?reset=done");
}
