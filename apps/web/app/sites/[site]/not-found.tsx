/** A tenant's 404 page: inside its own layout, so header, footer and branding are the tenant's. */
export default function TenantNotFound() {
  return (
    <div className="container status-page">
      <div>
        <div className="code">404</div>
        <h1>We couldn&apos;t find that page</h1>
        <p className="muted">It may have moved, or the listing may no longer be on the market.</p>
        <p style={{ display: "flex", gap: 10, justifyContent: "center", flexWrap: "wrap" }}>
          <a className="btn btn-primary" href="/homes">
            Search homes
          </a>
          <a className="btn btn-outline" href="/">
            Go to the home page
          </a>
        </p>
      </div>
    </div>
  );
}
