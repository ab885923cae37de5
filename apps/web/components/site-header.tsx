import type { SiteProfile } from "@real-estate/sites";
import { AccountLink } from "./account-link";

export function monogram(name: string): string {
  const words = name
    .replace(/[^A-Za-z0-9 ]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  return (words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0] ?? "?").slice(0, 2)).toUpperCase();
}

const NAV = [
  { href: "/homes", label: "Homes for sale" },
  { href: "/towns", label: "Towns" },
  { href: "/home-value", label: "Home value" },
  { href: "/contact", label: "Contact" },
];

export function SiteHeader({ site }: { site: SiteProfile }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="container">
        <a className="brand" href="/">
          {site.logoPath ? (
            <img className="brand-logo" src={`/brand-logo?v=${encodeURIComponent(site.logoPath)}`} alt="" width={40} height={40} />
          ) : (
            <span className="brand-mark" aria-hidden="true">
              {monogram(site.name)}
            </span>
          )}
          <span>
            {site.siteTitle}
            {site.tagline ? <small>{site.tagline}</small> : null}
          </span>
        </a>
        <nav className="main-nav" aria-label="Main">
          {NAV.map((n) => (
            <a key={n.href} href={n.href}>
              {n.label}
            </a>
          ))}
          <AccountLink className="btn btn-outline nav-cta" />
        </nav>
        <details className="mobile-nav">
          <summary aria-label="Menu">
            <svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">
              <path d="M0 1h18M0 7h18M0 13h18" stroke="currentColor" strokeWidth="2" />
            </svg>
            Menu
          </summary>
          <nav aria-label="Main (mobile)">
            {NAV.map((n) => (
              <a key={n.href} href={n.href}>
                {n.label}
              </a>
            ))}
            <AccountLink />
          </nav>
        </details>
      </div>
    </header>
  );
}
