"use client";
import { useEffect, useRef } from "react";

/**
 * The search filters, folded behind a "Filters" button on narrow screens so the results come
 * first, always shown on wide ones. Folded or not is decided by CSS before anything is drawn
 * (listings.css: a wide screen shows a closed disclosure's content), so the page does not shift
 * when scripts start, and it works without JavaScript. A browser too old for that CSS gets the
 * disclosure opened by script on a wide screen.
 */
export function FiltersDisclosure({ activeCount, children }: { activeCount: number; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!CSS.supports("selector(::details-content)") && window.matchMedia("(min-width: 901px)").matches) ref.current?.setAttribute("open", "");
  }, []);
  return (
    <details ref={ref} className="filters-disclosure">
      <summary className="btn btn-outline btn-block">
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3 5h18M6 12h12M10 19h4" stroke="currentColor" strokeWidth="2" fill="none" />
        </svg>
        Filters{activeCount ? ` (${activeCount} active)` : ""}
      </summary>
      {children}
    </details>
  );
}
