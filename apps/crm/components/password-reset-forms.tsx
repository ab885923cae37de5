"use client";
import { useActionState } from "react";
import { forgotPasswordAction, resetPasswordAction, type PasswordResetState } from "@/app/actions/password-reset-actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<PasswordResetState, FormData>(forgotPasswordAction, {});
  return (
    <form action={action}>
      {state.error && (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      )}
      {state.ok && (
        <div className="notice" role="status" data-testid="reset-requested">
          {state.ok}
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {pending ? "Sending…" : "E-mail me a link"}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<PasswordResetState, FormData>(resetPasswordAction, {});
  return (
    <form action={action}>
      {state.error && (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="password">New password (12 characters or more)</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={128} />
      </div>
      <div className="field">
        <label htmlFor="confirm">The same again</label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </div>
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set the new password"}
      </button>
    </form>
  );
}
