import { NextResponse, type NextRequest } from "next/server";
import { resolveTenantByHost } from "@real-estate/db/tenants";
import { hasSessionCookie } from "@real-estate/auth/session-cookie";

const UNKNOWN_TENANT_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM not found</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"></head>
<body style="font-family:system-ui,sans-serif;background:#f6f7f9;display:grid;place-items:center;min-height:100vh;margin:0">
<main style="background:#fff;border:1px solid #e3e6eb;border-radius:8px;padding:26px;max-width:380px">
<h1 style="font-size:20px;margin:0 0 6px">CRM not found</h1>
<p style="color:#5f6b7a;margin:0">No brokerage CRM is configured for this address. Check the link you were given.</p>
</main></body></html>`;

/** Pages a signed-out visitor may open. */
const PUBLIC_PAGES = ["/sign-in", "/accept-invitation"];

/**
 * The CRM's front door: resolves the tenant from the Host (CRM domains only), drops any
 * client-sent x-tenant-* header and stamps the server's own resolution, answers unknown hosts
 * with 404, and sends signed-out visitors to sign-in. It only checks that a session cookie is
 * present: every page and route still verifies the session and the membership on the server.
 */
export async function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  for (const name of [...headers.keys()]) if (name.startsWith("x-tenant-")) headers.delete(name);
  const { pathname, search } = request.nextUrl;
  const tenant = await resolveTenantByHost({ host: request.headers.get("host"), kind: "CRM" }).catch(() => null);
  if (!tenant) {
    if (pathname.startsWith("/api/")) return NextResponse.json({ error: "unknown_tenant" }, { status: 404 });
    // Answered here rather than rewritten to a page: a rewrite's URL carries a host, and Next.js
    // proxies rewrites to a host other than its own (slowly failing, or worse, fetching it).
    return new NextResponse(UNKNOWN_TENANT_HTML, { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  }
  headers.set("x-tenant-id", tenant.tenantId);
  headers.set("x-tenant-slug", tenant.slug);
  const isPublic = pathname.startsWith("/api/") || PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!isPublic && !hasSessionCookie(headers)) {
    // Built on the request's Host (a known CRM domain by now), not on nextUrl: the server may
    // listen under another name, and the browser must stay on the tenant's host.
    const target = pathname === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(new URL(target, `${request.nextUrl.protocol}//${request.headers.get("host")}`), 307);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
