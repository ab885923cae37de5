import { NextResponse, type NextRequest } from "next/server";
import { resolveTenantByHost } from "@real-estate/sites";
import { findUnstorableUrlPart, pageSecurityHeaders, UNSTORABLE_MESSAGE } from "@real-estate/http";
import { encodeSearchSegment, SEARCH_SEGMENT } from "./lib/search/search-path";

/** The internal segment pages live under; never reachable from outside as another tenant. */
export const SITES_SEGMENT = "/sites";
/** Internal routes a client may not name directly (they are reached through rewrites only). */
const INTERNAL_PREFIXES = [`/${SEARCH_SEGMENT}/`, `/${SEARCH_SEGMENT}`];
/** API routes that still work while a tenant is suspended: nothing a visitor sends is lost. */
const OPEN_WHEN_SUSPENDED = new Set(["/api/lead", "/api/valuation"]);
/**
 * The methods the website answers outside `/api/`: its pages and files are read, never written
 * (the site has no server actions; its forms post to `/api/` routes). Any other method is a 405
 * here, before a route runs: Next.js caches a cached route handler's answer (robots.txt) under its
 * path whatever the method of the request that rendered it, so a DELETE or OPTIONS arriving when the
 * entry was missing or stale stored a 405, or a 204 that every later request failed on (500).
 */
const PAGE_METHODS = ["GET", "HEAD"] as const;

/** A small standalone HTML page (no app layout): what the proxy answers itself, without a rewrite. */
function statusPage(options: { status: number; title: string; heading: string; text: string; headers?: Record<string, string> }) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${options.title}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;text-align:center"><h1>${options.heading}</h1><p>${options.text}</p></body></html>`;
  return new NextResponse(html, {
    status: options.status,
    headers: { "cache-control": "no-store", ...options.headers, "content-type": "text/html; charset=utf-8" },
  });
}

function unavailable(pathname: string, reason: string, status: number) {
  const headers = { "retry-after": "30", "cache-control": "no-store" };
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: reason }, { status, headers });
  return statusPage({
    status,
    headers,
    title: "Temporarily unavailable",
    heading: "Temporarily unavailable",
    text: "This site cannot be shown right now. Please try again in a minute.",
  });
}

/**
 * Where a page request goes inside the app: always under the resolved tenant's own segment, named
 * by the tenant's slug (route parameters reach the browser in the RSC payload; the id must not).
 */
export function internalPathFor(tenantSlug: string, url: URL): string {
  const { pathname } = url;
  const base = `${SITES_SEGMENT}/${encodeURIComponent(tenantSlug)}`;
  if (pathname === "/homes" || pathname === "/homes/") return `${base}/${SEARCH_SEGMENT}/${encodeSearchSegment(url.searchParams)}`;
  // A client naming an internal route gets this tenant's 404 page (the catch-all route).
  if (INTERNAL_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return `${base}/not-found${pathname}`;
  return pathname === "/" ? base : `${base}${pathname}`;
}

export async function proxy(request: NextRequest) {
  const security = pageSecurityHeaders({ app: "web", dev: process.env.NODE_ENV === "development" });
  const response = await route(request, security.requestHeaders);
  for (const [name, value] of Object.entries(security.responseHeaders)) response.headers.set(name, value);
  return response;
}

/**
 * A URL naming a path segment or query parameter that PostgreSQL could not store (a NUL byte,
 * an encoded lone surrogate, broken percent-encoding): 400 naming it, before any page or route.
 */
function refuseUnstorable(request: NextRequest): NextResponse | null {
  const field = findUnstorableUrlPart(request.nextUrl);
  if (!field) return null;
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: "malformed_request", fields: { [field]: [UNSTORABLE_MESSAGE] } },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  return statusPage({
    status: 400,
    title: "Bad request",
    heading: "This address cannot be opened",
    text: "The link contains characters that are not allowed. Check the link and try again.",
  });
}

async function route(request: NextRequest, securityHeaders: Record<string, string>): Promise<NextResponse> {
  const refused = refuseUnstorable(request);
  if (refused) return refused;
  const headers = new Headers(request.headers);
  for (const name of [...headers.keys()]) if (name.startsWith("x-tenant-")) headers.delete(name);
  // The policy with its nonce, for Next.js to put the nonce on the page's scripts.
  for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
  const { pathname } = request.nextUrl;
  if (!pathname.startsWith("/api/") && !(PAGE_METHODS as readonly string[]).includes(request.method)) {
    return statusPage({
      status: 405,
      headers: { allow: PAGE_METHODS.join(", ") },
      title: "Method not allowed",
      heading: "This address can only be read",
      text: "Pages and files of this website answer GET and HEAD requests only.",
    });
  }
  // Platform-internal endpoints (revalidation) are not tied to a tenant's host.
  if (pathname.startsWith("/api/internal/")) return NextResponse.next({ request: { headers } });

  let tenant;
  try {
    tenant = await resolveTenantByHost({ host: request.headers.get("host"), kind: "WEB" });
  } catch {
    return unavailable(pathname, "service_unavailable", 503);
  }
  if (!tenant) {
    if (pathname.startsWith("/api/")) return NextResponse.json({ error: "unknown_tenant" }, { status: 404 });
    // Answered here rather than rewritten to a page: a rewrite's URL carries a host, and Next.js
    // proxies a rewrite to any origin other than the one it listens on (with `next start -H`,
    // request.url's origin is not that one, and the request hangs).
    return statusPage({ status: 404, title: "Site not found", heading: "Site not found", text: "No website is configured for this address." });
  }
  headers.set("x-tenant-id", tenant.tenantId);
  headers.set("x-tenant-slug", tenant.slug);
  if (pathname.startsWith("/api/")) {
    if (tenant.status === "SUSPENDED" && !OPEN_WHEN_SUSPENDED.has(pathname)) return unavailable(pathname, "site_unavailable", 503);
    return NextResponse.next({ request: { headers } });
  }
  if (tenant.status === "SUSPENDED") {
    // Answered here for the same reason as unknown hosts (no rewrite to a URL with a host).
    return statusPage({
      status: 503,
      headers: { "retry-after": "300" },
      title: "Temporarily unavailable",
      heading: "This site is temporarily unavailable",
      text: "We&apos;re sorry for the inconvenience. Please check back soon.",
    });
  }
  const url = request.nextUrl.clone();
  url.pathname = internalPathFor(tenant.slug, request.nextUrl);
  if (pathname === "/homes" || pathname === "/homes/") {
    // The search is now in the path; keep only Next's own RSC cache-busting parameter.
    const rsc = url.searchParams.get("_rsc");
    url.search = rsc ? `?_rsc=${encodeURIComponent(rsc)}` : "";
  }
  const response = NextResponse.rewrite(url, { request: { headers } });
  // Behind the edge cache (production profile), each page names its tenant so a studio change
  // can purge that tenant's cached pages; nginx keeps the header in its cache and never sends it.
  if (process.env.EDGE_CACHE_TAGS === "1") response.headers.set("x-cache-tenant", tenant.tenantId);
  return response;
}

export const config = {
  // Static build output and files under public/static/ are served without a tenant.
  matcher: ["/((?!_next/static|_next/image|static/|favicon.ico).*)"],
};
