"use client";
import { useActionState } from "react";
import { forgotPasswordAction, resetPasswordAction, type PasswordResetState } from "@/app/actions/password-reset-actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<PasswordResetState, FormData>(forgotPasswordAction, {});
  return (
    <form action={action} className="stack" style={{ gap: 12 }}>
      <label className="field">
        <span>Email</span>
        <input type="email" name="email" autoComplete="username" required autoFocus maxLength={254} />
      </label>
      {state.error ? (
        <div className="field-error" role="alert">
          {state.error}
        </div>
      ) : null}
      {state.ok ? (
        <div role="status" data-testid="reset-requested">
          {state.ok}
        </div>
      ) : null}
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Sending…" : "E-mail me a link"}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<PasswordResetState, FormData>(resetPasswordAction, {});
  return (
    <form action={action} className="stack" style={{ gap: 12 }}>
      <input type="hidden" name="token" value={token} />
      <label className="field">
        <span>New password (12 characters or more)</span>
        <input type="password" name="password" autoComplete="new-password" required minLength={12} maxLength={128} autoFocus />
      </label>
      <label className="field">
        <span>The same again</span>
        <input type="password" name="confirm" autoComplete="new-password" required />
      </label>
      {state.error ? (
        <div className="field-error" role="alert">
          {state.error}
        </div>
      ) : null}
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set the new password"}
      </button>
    </form>
  );
}
