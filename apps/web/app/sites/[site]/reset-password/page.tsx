import type { Metadata } from "next";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The link of the reset e-mail: a form for the new password (the token is used when it is sent, not when the page opens). */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const sp = await searchParams;
  const token = typeof sp.token === "string" ? sp.token : "";
  return (
    <div className="section">
      <div className="container narrow">
        <h1>Choose a new password</h1>
        {sp.error === "invalid" ? (
          <p role="alert" className="card card-pad">
            Use at least 8 characters.
          </p>
        ) : null}
        <form method="post" action="/api/auth/password-reset" className="card card-pad" style={{ display: "grid", gap: 12 }}>
          <input type="hidden" name="token" value={token} />
          <label htmlFor="rp-password">New password</label>
          <input id="rp-password" name="password" type="password" autoComplete="new-password" minLength={8} required />
          <button className="btn btn-primary" type="submit">
            Save the new password
          </button>
        </form>
      </div>
    </div>
  );
}
