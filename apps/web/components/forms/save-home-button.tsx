"use client";
import { useEffect, useState } from "react";
import { anonymousHomes, isSignedIn, toggleAnonymousHome } from "../anonymous-saves";

/**
 * Save / unsave a home. Signed in: stored in the account (POST/DELETE /api/user/saved-listings).
 * Not signed in: kept in this browser until the visitor signs in. Without JavaScript: a form
 * post, which asks the visitor to sign in first.
 */
export function SaveHomeButton({ listingKey }: { listingKey: string }) {
  const [saved, setSaved] = useState(false);
  const [note, setNote] = useState<React.ReactNode>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!isSignedIn()) {
      setSaved(anonymousHomes().includes(listingKey));
      return;
    }
    fetch("/api/user/saved-listings", { headers: { accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : { listingKeys: [] }))
      .then((b: { listingKeys: string[] }) => setSaved(b.listingKeys.includes(listingKey)))
      .catch(() => {});
  }, [listingKey]);

  async function toggle(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isSignedIn()) {
      const now = toggleAnonymousHome(listingKey);
      setSaved(now);
      setNote(
        now ? (
          <>
            Saved on this device. <a href="/sign-up">Create an account</a> to keep your homes everywhere.
          </>
        ) : (
          "Removed from your saved homes."
        ),
      );
      return;
    }
    setBusy(true);
    const res = await fetch(`/api/user/saved-listings?listingKey=${encodeURIComponent(listingKey)}`, {
      method: saved ? "DELETE" : "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ listingKey }),
    }).catch(() => null);
    setBusy(false);
    if (res?.status === 409) {
      // Refused with a reason the visitor can act on (the cap on saved homes, named in it).
      const refused = (await res.json().catch(() => ({}))) as { message?: string };
      return setNote(refused.message ?? "We could not update your saved homes. Please try again.");
    }
    if (!res?.ok) return setNote("We could not update your saved homes. Please try again.");
    setSaved(!saved);
    setNote(
      saved ? (
        "Removed from your saved homes."
      ) : (
        <>
          Saved. Find it any time in <a href="/account">your account</a>.
        </>
      ),
    );
  }

  return (
    <form method="post" action={`/api/user/saved-listings?listingKey=${encodeURIComponent(listingKey)}`} onSubmit={toggle}>
      <input type="hidden" name="listingKey" value={listingKey} />
      <button className={`btn ${saved ? "btn-saved" : "btn-outline"}`} type="submit" aria-pressed={saved} disabled={busy}>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M12 21s-7.5-4.6-9.6-9.2C.9 8.4 3 4.5 6.8 4.5c2.2 0 3.7 1.2 5.2 3 1.5-1.8 3-3 5.2-3 3.8 0 5.9 3.9 4.4 7.3C19.5 16.4 12 21 12 21z"
            fill={saved ? "currentColor" : "none"}
            stroke="currentColor"
            strokeWidth="2"
          />
        </svg>
        {saved ? "Saved" : "Save home"}
      </button>
      <p role="status" aria-live="polite" className="small muted" style={{ margin: "6px 0 0", maxWidth: 260 }}>
        {note}
      </p>
    </form>
  );
}
