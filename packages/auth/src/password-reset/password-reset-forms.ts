// The server side of the "forgot your password" and "choose a new password" forms of the CRM and
// the studio: what the forms send, checked alike in both apps, and the reset itself. The apps keep
// their own wording of the confirmation, where the link points and where the user goes next.
import { z } from "zod";
import { checkStaffPassword } from "../passwords/check-staff-password";
import { resetStaffPassword } from "./staff-password-reset";

/** What a reset form shows after its action: a confirmation, or what went wrong. */
export type PasswordResetFormState = { ok?: string; error?: string };

/** The forgot-password form: an e-mail address. */
export const ZForgotPassword = z.object({ email: z.email("Enter your email address.").max(254) });

/** The reset form: the e-mailed token, a password the staff rules accept, and the same again. */
export const ZResetPassword = z
  .object({
    token: z.string().min(10, "This link is not complete.").max(200),
    password: z.string().superRefine((password, ctx) => {
      const check = checkStaffPassword(password);
      if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
    }),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ." });

/** The forgot-password form's address, or the message naming what is wrong with the form. */
export function readForgotPasswordForm(form: FormData): { ok: true; email: string } | { ok: false; error?: string } {
  const parsed = ZForgotPassword.safeParse({ email: form.get("email") });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message };
  return { ok: true, email: parsed.data.email };
}

/**
 * Checks the reset form and sets the new password with its token (once; every session of the
 * account ends). A form that does not pass changes nothing.
 */
export async function resetStaffPasswordFromForm(form: FormData, headers: Headers): Promise<{ ok: true } | { ok: false; error?: string }> {
  const parsed = ZResetPassword.safeParse({ token: form.get("token"), password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message };
  const result = await resetStaffPassword({ token: parsed.data.token, newPassword: parsed.data.password, headers });
  if (!result.ok) return { ok: false, error: result.message };
  return { ok: true };
}
