import type { Metadata } from "next";

export const revalidate = 5;
export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

/** Where a lead or inquiry form posted without JavaScript lands. */
export default function ThankYouPage() {
  return (
    <div className="container status-page">
      <div className="card card-pad" style={{ maxWidth: 560 }}>
        <div className="alert alert-success" role="status">
          <h1 style={{ fontSize: "1.6rem" }}>Thank you, your message is on its way</h1>
        </div>
        <p className="muted">An agent will get back to you shortly, usually within one business day.</p>
        <p style={{ display: "flex", gap: 10, justifyContent: "center", flexWrap: "wrap", margin: 0 }}>
          <a className="btn btn-primary" href="/homes">
            Keep browsing homes
          </a>
          <a className="btn btn-outline" href="/">
            Home page
          </a>
        </p>
      </div>
    </div>
  );
}
