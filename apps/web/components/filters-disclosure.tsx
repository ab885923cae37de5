"use client";
import { useEffect, useRef } from "react";

/**
 * The search filters: open by default (so they work without JavaScript), folded away behind a
 * "Filters" button on narrow screens so the results come first.
 */
export function FiltersDisclosure({ activeCount, children }: { activeCount: number; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (window.matchMedia("(max-width: 900px)").matches) ref.current?.removeAttribute("open");
  }, []);
  return (
    <details ref={ref} open className="filters-disclosure">
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
