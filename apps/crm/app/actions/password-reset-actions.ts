"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { checkStaffPassword, requestStaffPasswordReset, resetStaffPassword } from "@real-estate/auth";
import { getRequestTenant } from "@/lib/request-tenant";

export type PasswordResetState = { ok?: string; error?: string };

const ZForgot = z.object({ email: z.email("Enter your email address.").max(254) });

/** "Forgot your password": the same answer whether or not the address has an account here. */
export async function forgotPasswordAction(_prev: PasswordResetState, form: FormData): Promise<PasswordResetState> {
  const parsed = ZForgot.safeParse({ email: form.get("email") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  const tenant = await getRequestTenant();
  if (!tenant) return { error: "Unknown brokerage." };
  const requestHeaders = await headers();
  const host = requestHeaders.get("host") ?? tenant.primaryHostname;
  const proto = process.env.CRM_PUBLIC_PROTOCOL ?? (host.includes("localhost") ? "http" : "https");
  const result = await requestStaffPasswordReset({
    tenantId: tenant.tenantId,
    email: parsed.data.email,
    crmUrl: `${proto}://${host}`,
    headers: requestHeaders,
  });
  if (!result.ok) return { error: result.message };
  return { ok: `If ${parsed.data.email} has an account at ${tenant.name}, a link to choose a new password is on its way. It works for 60 minutes.` };
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

/** Sets the new password with the e-mailed token, then sends the user to sign in. */
export async function resetPasswordAction(_prev: PasswordResetState, form: FormData): Promise<PasswordResetState> {
  const parsed = ZReset.safeParse({ token: form.get("token"), password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  const result = await resetStaffPassword({ token: parsed.data.token, newPassword: parsed.data.password, headers: await headers() });
  if (!result.ok) return { error: result.message };
  redirect("/sign-in?reset=done");
}
