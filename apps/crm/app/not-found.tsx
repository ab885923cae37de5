import Link from "next/link";

export default function NotFound() {
  return (
    <main className="auth">
      <div className="auth-card">
        <h1>Not found</h1>
        <p className="sub">There is nothing here, or it belongs to another brokerage.</p>
        <Link className="btn" href="/">
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
