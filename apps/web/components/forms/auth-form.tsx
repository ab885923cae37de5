import { Field } from "./form-parts";

const MESSAGES: Record<string, string> = {
  invalid_credentials: "That email and password don't match an account on this site.",
  too_many_attempts: "Too many sign-in attempts for this account. Wait a few minutes, then try again.",
  email_taken: "An account with this email already exists on this site. Sign in instead.",
  invalid: "Please check the form: a valid email address and a password of at least 8 characters.",
  invalid_name: "Your name is too long for this form (at most 120 characters), or holds characters we cannot store.",
  invalid_email: "That is not an email address we can use: check it for typing errors.",
  invalid_password: "Choose a password of 8 to 200 characters.",
  invalid_phone: "That phone number does not look complete: check the digits (with the area code), or leave it empty.",
  sent_too_fast:
    "This form was sent faster than a person can fill it in, or a hidden field was filled in (some autofill tools do). Fill it in again and send it.",
};
const UNKNOWN_ERROR = "The form was not accepted: check what you typed and send it again.";

type Props = { mode: "sign-in" | "sign-up"; error?: string; next?: string; renderedAt: number };

/** Sign-in / sign-up form: a plain form post (works without JavaScript); errors come back in the URL and are announced. */
export function AuthForm({ mode, error, next, renderedAt }: Props) {
  const message = error ? (MESSAGES[error] ?? UNKNOWN_ERROR) : null;
  return (
    <form method="post" action={mode === "sign-in" ? "/api/auth/sign-in" : "/api/auth/sign-up"}>
      <div role="alert" aria-live="assertive" className={message ? "alert alert-error" : undefined}>
        {message}
      </div>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {mode === "sign-up" ? (
        <>
          <div className="hp-field" aria-hidden="true">
            <label htmlFor="su-website">Leave this field empty</label>
            <input id="su-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <input type="hidden" name="startedAt" value={String(renderedAt)} />
          <Field id="su-name" name="name" label="Full name" autoComplete="name" optional maxLength={120} />
        </>
      ) : null}
      <Field
        id={`${mode}-email`}
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        aria-invalid={error === "invalid_credentials" || error === "email_taken" ? true : undefined}
      />
      <Field
        id={`${mode}-password`}
        name="password"
        label="Password"
        type="password"
        autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
        required
        minLength={mode === "sign-up" ? 8 : 1}
        maxLength={200}
        hint={mode === "sign-up" ? "At least 8 characters." : undefined}
      />
      <button className="btn btn-primary btn-block" type="submit">
        {mode === "sign-in" ? "Sign in" : "Create account"}
      </button>
    </form>
  );
}
