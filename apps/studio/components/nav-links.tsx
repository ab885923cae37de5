"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ICONS: Record<string, React.ReactNode> = {
  overview: <path d="M3 13h4v8H3zM10 8h4v13h-4zM17 3h4v18h-4z" />,
  tenants: <path d="M3 21V8l9-5 9 5v13M9 21v-6h6v6" />,
  dead: <path d="M4 4h16v4H4zM5 8v12h14V8M10 12h4" />,
  redrive: <path d="M4 12a8 8 0 0 1 14-5.3M20 4v5h-5M20 12a8 8 0 0 1-14 5.3M4 20v-5h5" />,
  outbox: <path d="M3 6h18v12H3zM3 7l9 6 9-6" />,
  audit: <path d="M6 3h9l4 4v14H6zM9 11h7M9 15h7M9 7h3" />,
};

const LINKS = [
  { href: "/", label: "Overview", icon: "overview", exact: true },
  { href: "/tenants", label: "Tenants", icon: "tenants" },
  { href: "/dead-letters", label: "Dead letters", icon: "dead" },
  { href: "/redrives", label: "Re-drives", icon: "redrive" },
  { href: "/outbox", label: "Outbox", icon: "outbox" },
  { href: "/audit", label: "Audit log", icon: "audit" },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Studio">
      {LINKS.map((l) => {
        const active = l.exact ? pathname === l.href : pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <Link key={l.href} href={l.href} className={active ? "active" : undefined} aria-current={active ? "page" : undefined}>
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
              {ICONS[l.icon]}
            </svg>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
