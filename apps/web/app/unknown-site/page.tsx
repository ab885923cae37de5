import type { Metadata } from "next";

export const metadata: Metadata = { title: "Site not found", robots: { index: false } };

export default function UnknownSite() {
  return (
    <main className="status-page">
      <div>
        <div className="code">404</div>
        <h1>Site not found</h1>
        <p className="muted">No website is configured for this address.</p>
      </div>
    </main>
  );
}
