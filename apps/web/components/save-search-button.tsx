"use client";
import { useState } from "react";
import { addAnonymousSearch, isSignedIn } from "./anonymous-saves";

type Props = { query: Record<string, string>; defaultName: string };

/** Saves the current search: to the account when signed in, else in this browser. Without JavaScript, a form post. */
export function SaveSearchButton({ query, defaultName }: Props) {
  const [state, setState] = useState<"idle" | "saving" | "saved" | "device" | "error">("idle");
  // The server's own sentence when it refuses (e.g. the cap on saved searches, which it names).
  const [refusal, setRefusal] = useState<string | null>(null);
  const search = new URLSearchParams(query).toString();
  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isSignedIn()) {
      addAnonymousSearch({ name: defaultName, query });
      setState("device");
      return;
    }
    setState("saving");
    const res = await fetch("/api/user/saved-searches", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: defaultName, query }),
    }).catch(() => null);
    const refused = res?.status === 409 ? ((await res.json().catch(() => ({}))) as { message?: string }).message : undefined;
    setRefusal(refused ?? null);
    setState(res?.ok ? "saved" : "error");
  }
  return (
    <form className="save-search" method="post" action="/api/user/saved-searches" onSubmit={save}>
      <input type="hidden" name="name" value={defaultName} />
      <input type="hidden" name="search" value={search} />
      <button className={`btn btn-outline${state === "saved" || state === "device" ? " btn-saved" : ""}`} type="submit" disabled={state === "saving"}>
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6 3h12v18l-6-4-6 4z" fill={state === "saved" || state === "device" ? "currentColor" : "none"} stroke="currentColor" strokeWidth="2" />
        </svg>
        {state === "saved" || state === "device" ? "Search saved" : "Save this search"}
      </button>
      <p role="status" aria-live="polite" className="small muted" style={{ margin: "6px 0 0" }}>
        {state === "saved" ? (
          <>
            Saved to <a href="/account#saved-searches">your account</a>.
          </>
        ) : null}
        {state === "device" ? (
          <>
            Saved on this device. <a href="/sign-up">Create an account</a> to keep it everywhere.
          </>
        ) : null}
        {state === "error" ? (refusal ?? "We could not save this search. Please try again.") : null}
      </p>
    </form>
  );
}
