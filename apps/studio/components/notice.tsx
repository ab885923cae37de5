"use client";

import { useEffect, useState } from "react";

/** A short-lived confirmation in the corner after an action, with the website cache outcome. */
export function useNotice() {
  const [notice, setNotice] = useState<{ text: string; bad?: boolean } | null>(null);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(t);
  }, [notice]);
  const node = notice ? (
    <div className={`toast${notice.bad ? " bad" : ""}`} role="status" data-testid="notice">
      {notice.text}
    </div>
  ) : null;
  return { node, show: (text: string, bad = false) => setNotice({ text, bad }) };
}

/** Wording for the website refresh that follows a saved change. */
export function savedText(what: string, revalidated: boolean | undefined): string {
  return revalidated === false ? `${what} saved, but the website's cache could not be refreshed: its pages may show the old version until their cache expires.` : `${what} saved; the website is updated.`;
}
