"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { checkStaffPassword, getSession, signUpWithPassword } from "@real-estate/auth";
import { acceptInvitation, getInvitationByToken } from "@real-estate/crm";
import { getRequestTenant } from "@/lib/request-tenant";

export type InvitationState = { error?: string };

const REASONS: Record<string, string> = {
  not_found: "This invitation link is not valid here.",
  email_mismatch: "This invitation was sent to another email address. Sign out and use that one.",
  accepted: "This invitation has already been used.",
  revoked: "This invitation was withdrawn by the brokerage.",
  expired: "This invitation has expired. Ask for a new one.",
};

/** The signed-in user joins the brokerage with the invited role. */
export async function acceptInvitationAction(_prev: InvitationState, form: FormData): Promise<InvitationState> {
  const tenant = await getRequestTenant();
  const session = await getSession(await headers());
  if (!tenant || !session) return { error: "Sign in first." };
  const result = await acceptInvitation({
    tenantId: tenant.tenantId,
    token: String(form.get("token") ?? ""),
    userId: session.user.id,
    userEmail: session.user.email,
  });
  if (!result.ok) return { error: REASONS[result.reason] };
  redirect("/");
}

const ZSignUp = z.object({
  token: z.string().min(10).max(200),
  name: z.string().trim().min(1, "Enter your name.").max(120),
  // The staff password rule (12+ characters, not a common password) lives in the auth module.
  password: z.string().superRefine((password, ctx) => {
    const check = checkStaffPassword(password);
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
  }),
});

/** Creates the account for the invited email, signs it in and joins the brokerage. */
export async function signUpAndAcceptAction(_prev: InvitationState, form: FormData): Promise<InvitationState> {
  const parsed = ZSignUp.safeParse({ token: form.get("token"), name: form.get("name"), password: form.get("password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  const tenant = await getRequestTenant();
  if (!tenant) return { error: REASONS.not_found };
  const invitation = await getInvitationByToken({ tenantId: tenant.tenantId, token: parsed.data.token });
  if (!invitation || invitation.state !== "pending") return { error: REASONS[invitation?.state ?? "not_found"] };
  const signUp = await signUpWithPassword({ name: parsed.data.name, email: invitation.email, password: parsed.data.password, headers: await headers() });
  if (!signUp.ok) return { error: signUp.message };
  const result = await acceptInvitation({ tenantId: tenant.tenantId, token: parsed.data.token, userId: signUp.userId, userEmail: invitation.email });
  if (!result.ok) return { error: REASONS[result.reason] };
  redirect("/");
}
