import type { Metadata } from "next";

export const metadata: Metadata = { title: "Temporarily unavailable", robots: { index: false } };

/** What visitors of a suspended tenant see (proxy.ts answers it with status 503). */
export default function SuspendedSite() {
  return (
    <main className="status-page">
      <div>
        <h1>This site is temporarily unavailable</h1>
        <p className="muted">We&apos;re sorry for the inconvenience. Please check back soon.</p>
      </div>
    </main>
  );
}
