import type { Metadata } from "next";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Forgot your password", alternates: { canonical: "/forgot-password" } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Asks for a password-reset link by e-mail. */
export default async function ForgotPasswordPage({ searchParams }: Props) {
  const sp = await searchParams;
  const note =
    sp.sent === "1"
      ? "If an account uses that address, a link to choose a new password is on its way. It works for one hour."
      : sp.error === "expired"
        ? "That link was used already or is more than an hour old. Ask for a new one."
        : sp.error === "invalid"
          ? "Please enter a valid email address."
          : null;
  return (
    <div className="section">
      <div className="container narrow">
        <h1>Forgot your password?</h1>
        {note ? (
          <p role="status" className="card card-pad">
            {note}
          </p>
        ) : null}
        <form method="post" action="/api/auth/password-reset-request" className="card card-pad" style={{ display: "grid", gap: 12 }}>
          <label htmlFor="fp-email">Email</label>
          <input id="fp-email" name="email" type="email" autoComplete="email" required />
          <button className="btn btn-primary" type="submit">
            E-mail me a link
          </button>
        </form>
      </div>
    </div>
  );
}
