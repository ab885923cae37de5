export default function NotFound() {
  return (
    <main className="status-page">
      <div>
        <div className="code">404</div>
        <h1>Page not found</h1>
        <p className="muted">The page you were looking for does not exist.</p>
      </div>
    </main>
  );
}
