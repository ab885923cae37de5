import Link from "next/link";

/** The "older" link under a newest-first list, when there is a next page. */
export function OlderLink({ href, label = "Older →" }: { href: string | null; label?: string }) {
  if (!href) return null;
  return (
    <div className="panel-body right">
      <Link className="button small" href={href}>
        {label}
      </Link>
    </div>
  );
}
