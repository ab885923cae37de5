"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * Keeps a page current without a manual reload: every few seconds (while the tab is visible)
 * asks the API for the newest lead, and when it changed re-renders the page's server data.
 */
export function LiveRefresh({ newestLeadId, intervalMs = 4000 }: { newestLeadId: string | null; intervalMs?: number }) {
  const router = useRouter();
  const known = useRef(newestLeadId);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    known.current = newestLeadId;
  }, [newestLeadId]);

  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const res = await fetch("/api/leads?limit=1&sort=-createdAt", { cache: "no-store", credentials: "same-origin" });
        if (!res.ok || stopped) return;
        const data = (await res.json()) as { items: { id: string; contact: { firstName: string | null; lastName: string | null; email: string | null } }[] };
        const newest = data.items[0];
        if (newest && newest.id !== known.current) {
          known.current = newest.id;
          const c = newest.contact;
          setNotice(`New lead: ${[c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || "someone"}`);
          router.refresh();
        }
      } catch {
        // Offline or restarting: try again on the next tick.
      }
    };
    const timer = setInterval(tick, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [intervalMs, router]);

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(t);
  }, [notice]);

  return notice ? (
    <div className="toast" role="status" aria-live="polite">
      {notice}
    </div>
  ) : null;
}
