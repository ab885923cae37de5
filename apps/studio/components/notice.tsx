"use client";

import { createContext, useContext, useEffect, useState } from "react";

type Notice = { text: string; bad: boolean };

const NoticeContext = createContext<((notice: Notice) => void) | null>(null);

/**
 * Owns the short-lived confirmation shown in the corner after an action. It lives in the console
 * layout, not in the editor that showed it: editors are remounted when router.refresh() brings
 * the saved data back (their key follows it), and the confirmation must outlive that.
 */
export function NoticeProvider({ children }: { children: React.ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(t);
  }, [notice]);
  return (
    <NoticeContext.Provider value={setNotice}>
      {children}
      {notice ? (
        <div className={`toast${notice.bad ? " bad" : ""}`} role="status" data-testid="notice">
          {notice.text}
        </div>
      ) : null}
    </NoticeContext.Provider>
  );
}

/** Shows a confirmation (or, with `bad`, a warning) through the console's NoticeProvider. */
export function useNotice() {
  const setNotice = useContext(NoticeContext);
  if (!setNotice) throw new Error("useNotice: no NoticeProvider above this component");
  return { show: (text: string, bad = false) => setNotice({ text, bad }) };
}

/** Wording for the website refresh that follows a saved change. */
export function savedText(what: string, revalidated: boolean | undefined): string {
  return revalidated === false
    ? `${what} saved, but the website's cache could not be refreshed: its pages may show the old version until their cache expires.`
    : `${what} saved; the website is updated.`;
}
