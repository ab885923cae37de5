"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readForgotPasswordForm, requestStaffPasswordReset, resetStaffPasswordFromForm, type PasswordResetFormState } from "@real-estate/auth";
import { getRequestTenant } from "@/lib/request-tenant";

export type PasswordResetState = PasswordResetFormState;

/** "Forgot your password": the same answer whether or not the address has an account here. */
export async function forgotPasswordAction(_prev: PasswordResetState, form: FormData): Promise<PasswordResetState> {
  const parsed = readForgotPasswordForm(form);
  if (!parsed.ok) return { error: parsed.error };
  const tenant = await getRequestTenant();
  if (!tenant) return { error: "Unknown brokerage." };
  // The link: on the CRM domain the request matched, with the platform's scheme and port (never the Host's port).
  const result = await requestStaffPasswordReset({ tenantId: tenant.tenantId, email: parsed.email, crmHost: tenant.hostname, headers: await headers() });
  if (!result.ok) return { error: result.message };
  return { ok: `If ${parsed.email} has an account at ${tenant.name}, a link to choose a new password is on its way. It works for 60 minutes.` };
}

/** Sets the new password with the e-mailed token, then sends the user to sign in. */
export async function resetPasswordAction(_prev: PasswordResetState, form: FormData): Promise<PasswordResetState> {
  const result = await resetStaffPasswordFromForm(form, await headers());
  if (!result.ok) return { error: result.error };
  redirect("/sign-in?reset=done");
}
