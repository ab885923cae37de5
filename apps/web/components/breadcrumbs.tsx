export function Breadcrumbs({ items, light = false }: { items: { href?: string; label: string }[]; light?: boolean }) {
  return (
    <nav className={`breadcrumbs${light ? " breadcrumbs-light" : ""}`} aria-label="Breadcrumb">
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            {item.href && i < items.length - 1 ? (
              <a href={item.href}>{item.label}</a>
            ) : (
              <span aria-current={i === items.length - 1 ? "page" : undefined}>{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function SampleNote({ children = "Sample data" }: { children?: React.ReactNode }) {
  return (
    <span className="sample-note">
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        <circle cx="6" cy="6" r="5.5" fill="none" stroke="currentColor" />
        <path d="M6 3v4M6 8.5v.5" stroke="currentColor" strokeWidth="1.4" />
      </svg>
      {children}
    </span>
  );
}
