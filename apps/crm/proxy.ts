import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { clerkMiddleware } from "@clerk/nextjs/server";
import { resolveTenantByHost } from "@real-estate/sites";
import { hasSessionCookie } from "@real-estate/auth/session-cookie";
import { clerkMiddlewareOptions, clerkSelected } from "@real-estate/auth/clerk-next";
import { crmSecurityHeaders, refuseUnstorableUrl } from "./lib/front-door";

const UNKNOWN_TENANT_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM not found</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"></head>
<body style="font-family:system-ui,sans-serif;background:#f6f7f9;display:grid;place-items:center;min-height:100vh;margin:0">
<main style="background:#fff;border:1px solid #e3e6eb;border-radius:8px;padding:26px;max-width:380px">
<h1 style="font-size:20px;margin:0 0 6px">CRM not found</h1>
<p style="color:#5f6b7a;margin:0">No brokerage CRM is configured for this address. Check the link you were given.</p>
</main></body></html>`;

const UNAVAILABLE_HTML = UNKNOWN_TENANT_HTML.replace("<title>CRM not found</title>", "<title>Temporarily unavailable</title>")
  .replace(">CRM not found</h1>", ">Temporarily unavailable</h1>")
  .replace(
    "No brokerage CRM is configured for this address. Check the link you were given.",
    "The CRM cannot be shown right now. Please try again in a minute.",
  );

/** The REST API (`/api/…`) and the Follow Up Boss-compatible API (`/v1/…`): JSON, authenticated by each route. */
const isApiPath = (pathname: string) => pathname.startsWith("/api/") || pathname.startsWith("/v1/");

/** Pages a signed-out visitor may open. */
const PUBLIC_PAGES = ["/sign-in", "/accept-invitation", "/forgot-password", "/reset-password", "/robots.txt"];

/**
 * The CRM's front door: resolves the tenant from the Host (CRM domains only), drops any
 * client-sent x-tenant-* header and stamps the server's own resolution, answers unknown hosts
 * with 404, and sends signed-out visitors to sign-in. With better-auth it only checks that a
 * session cookie is present; with Clerk (AUTH_PROVIDER=clerk) Clerk's own `clerkMiddleware` runs
 * first and verifies the session token offline (CLERK_JWT_KEY, authorized parties), so `auth()`
 * works in pages and routes. Either way every page and route still checks the membership.
 * API calls with an Authorization header (API keys) do not pass here (see `config`): the API
 * route layer does the same for them (lib/front-door.ts).
 */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const security = crmSecurityHeaders();
  const response =
    refuseUnstorableUrl(request.nextUrl) ??
    (clerkSelected() ? await clerkRoute(request, event, security.requestHeaders) : await route(request, security.requestHeaders, hasSessionCookie));
  for (const [name, value] of Object.entries(security.responseHeaders)) response.headers.set(name, value);
  return response;
}

/**
 * Clerk's middleware around the same routing, signed in meaning what it verified. A session token
 * that has expired on a page request answers Clerk's handshake redirect (the browser fetches a
 * fresh token from Clerk's Frontend API and comes back); the server itself never calls Clerk.
 */
async function clerkRoute(request: NextRequest, event: NextFetchEvent, securityRequestHeaders: Record<string, string>): Promise<Response> {
  const middleware = clerkMiddleware(
    async (auth, req) => route(req, securityRequestHeaders, async () => (await auth()).userId !== null),
    clerkMiddlewareOptions(),
  );
  return (await middleware(request, event)) ?? NextResponse.next();
}

async function route(
  request: NextRequest,
  securityRequestHeaders: Record<string, string>,
  isSignedIn: (headers: Headers) => boolean | Promise<boolean>,
): Promise<NextResponse> {
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(securityRequestHeaders)) headers.set(name, value);
  for (const name of [...headers.keys()]) if (name.startsWith("x-tenant-")) headers.delete(name);
  const { pathname, search } = request.nextUrl;
  let tenant;
  try {
    tenant = await resolveTenantByHost({ host: request.headers.get("host"), kind: "CRM" });
  } catch {
    // The database could not be asked (busy, restarting): not an unknown brokerage.
    const headers = { "retry-after": "5", "cache-control": "no-store" };
    if (isApiPath(pathname)) return NextResponse.json({ error: "service_unavailable" }, { status: 503, headers });
    return new NextResponse(UNAVAILABLE_HTML, { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
  }
  if (!tenant) {
    if (isApiPath(pathname)) return NextResponse.json({ error: "unknown_tenant" }, { status: 404 });
    // Answered here rather than rewritten to a page: a rewrite's URL carries a host, and Next.js
    // proxies rewrites to a host other than its own (slowly failing, or worse, fetching it).
    return new NextResponse(UNKNOWN_TENANT_HTML, { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  }
  headers.set("x-tenant-id", tenant.tenantId);
  headers.set("x-tenant-slug", tenant.slug);
  const isPublic = isApiPath(pathname) || PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!isPublic && !(await isSignedIn(headers))) {
    // Built on the request's Host (a known CRM domain by now), not on nextUrl: the server may
    // listen under another name, and the browser must stay on the tenant's host.
    const target = pathname === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(new URL(target, `${request.nextUrl.protocol}//${request.headers.get("host")}`), 307);
  }
  return NextResponse.next({ request: { headers } });
}

/**
 * Pages and session API calls pass the proxy; an API call carrying an `Authorization` header (an
 * API key: the route authenticates it, and never reads a session) does not, outside
 * `/api/auth/…` and `/api/openapi.json`. The API route layer (app/api/lib/api-route.ts) answers
 * those with what the proxy would have: the unstorable-URL 400, the unknown-host 404, the
 * security headers (`apiKeyCallSkipsProxy` in lib/front-door.ts names the same calls). Next.js
 * reads this at build time: it must stay a literal.
 */
export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|api/|v1/).*)",
    "/api/auth/:path*",
    "/api/openapi.json",
    { source: "/api/:path*", missing: [{ type: "header", key: "authorization" }] },
    { source: "/v1/:path*", missing: [{ type: "header", key: "authorization" }] },
  ],
};
