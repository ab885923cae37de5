"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { anonymousHomes, anonymousSearches, clearAnonymousSaves } from "./anonymous-saves";

/** Moves homes and searches saved in this browser before signing in into the account (POST /api/user/sync). */
export function AccountSync() {
  const router = useRouter();
  const [note, setNote] = useState<{ text: string; refused?: boolean } | null>(null);
  useEffect(() => {
    const listingKeys = anonymousHomes();
    const searches = anonymousSearches();
    if (!listingKeys.length && !searches.length) return;
    fetch("/api/user/sync", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ listingKeys, searches }) })
      .then(async (res) => {
        // Past a cap nothing was merged: the saves stay in this browser and the reason is shown.
        if (res.status === 409) {
          const refused = (await res.json()) as { message?: string };
          if (refused.message) setNote({ text: `Nothing saved on this device was added: ${refused.message}`, refused: true });
          return;
        }
        if (!res.ok) return;
        const result = (await res.json()) as { addedListingKeys: string[]; addedSearches: number; invalidSearches?: { name: string }[] };
        clearAnonymousSaves();
        const added = result.addedListingKeys.length + result.addedSearches;
        const skipped = result.invalidSearches?.map((s) => `“${s.name}”`) ?? [];
        const notes = [
          added ? `Added ${added} item${added === 1 ? "" : "s"} you saved on this device to your account.` : null,
          skipped.length ? `Not added: ${skipped.join(", ")} (these searches no longer match what we offer).` : null,
        ].filter(Boolean);
        if (notes.length) setNote({ text: notes.join(" ") });
        if (added) router.refresh();
      })
      .catch(() => {});
  }, [router]);
  return (
    <p role="status" aria-live="polite" className={note ? `alert ${note.refused ? "alert-error" : "alert-success"}` : undefined}>
      {note?.text}
    </p>
  );
}
