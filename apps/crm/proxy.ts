import { NextResponse, type NextRequest } from "next/server";
import { resolveTenantByHost } from "@real-estate/db/tenants";
import { hasSessionCookie } from "@real-estate/auth/session-cookie";

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
    return NextResponse.rewrite(new URL("/unknown-tenant", request.url), { status: 404, request: { headers } });
  }
  headers.set("x-tenant-id", tenant.tenantId);
  headers.set("x-tenant-slug", tenant.slug);
  const isPublic = pathname.startsWith("/api/") || PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!isPublic && !hasSessionCookie(headers)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
