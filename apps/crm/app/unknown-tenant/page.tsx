export const metadata = { title: "Not found" };

/** Shown (with status 404) for hosts that are no brokerage's CRM address. */
export default function UnknownTenant() {
  return (
    <main className="auth">
      <div className="auth-card">
        <h1>CRM not found</h1>
        <p className="sub">No brokerage CRM is configured for this address. Check the link you were given.</p>
      </div>
    </main>
  );
}
