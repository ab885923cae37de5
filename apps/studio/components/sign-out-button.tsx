"use client";

export function SignOutButton() {
  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => undefined);
    window.location.assign("/sign-in");
  }
  return (
    <button type="button" className="small" onClick={signOut}>
      Sign out
    </button>
  );
}
