"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** Re-renders the page's server data every few seconds while switched on. */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  const [on, setOn] = useState(true);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [on, seconds, router]);
  return (
    <label className="row small muted" style={{ gap: 6 }}>
      <span className="switch">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} aria-label="Refresh automatically" />
        <span />
      </span>
      Refresh every {seconds} s
    </label>
  );
}
