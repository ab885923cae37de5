export default function NotFound() {
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        <h1>Not found</h1>
        <p>There is nothing at this address.</p>
      </div>
    </main>
  );
}
