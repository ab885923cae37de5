"use client";
import { useActionState } from "react";
import { acceptInvitationAction, signUpAndAcceptAction, type InvitationState } from "@/app/actions/invitation-actions";

export function AcceptForm({ token, label }: { token: string; label: string }) {
  const [state, action, pending] = useActionState<InvitationState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action}>
      {state.error && (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {label}
      </button>
    </form>
  );
}

export function SignUpAcceptForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<InvitationState, FormData>(signUpAndAcceptAction, {});
  return (
    <form action={action}>
      {state.error && (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="inv-email">Email</label>
        <input id="inv-email" type="email" value={email} readOnly />
      </div>
      <div className="field">
        <label htmlFor="inv-name">Your name</label>
        <input id="inv-name" name="name" type="text" required autoComplete="name" />
      </div>
      <div className="field">
        <label htmlFor="inv-password">Choose a password (12+ characters, not a common one)</label>
        <input id="inv-password" name="password" type="password" minLength={12} maxLength={128} required autoComplete="new-password" />
      </div>
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account and join"}
      </button>
    </form>
  );
}
