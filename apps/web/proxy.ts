import { NextResponse, type NextRequest } from "next/server";
import { resolveTenantByHost } from "@real-estate/db/tenants";

/** The internal segment pages live under; never reachable from outside as another tenant. */
export const SITES_SEGMENT = "/sites";

export async function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  for (const name of [...headers.keys()]) if (name.startsWith("x-tenant-")) headers.delete(name);
  const tenant = await resolveTenantByHost({ host: request.headers.get("host"), kind: "WEB" });
  const { pathname } = request.nextUrl;
  if (!tenant) {
    if (pathname.startsWith("/api/")) return NextResponse.json({ error: "unknown_tenant" }, { status: 404 });
    return NextResponse.rewrite(new URL("/unknown-site", request.url), { status: 404, request: { headers } });
  }
  headers.set("x-tenant-id", tenant.tenantId);
  headers.set("x-tenant-slug", tenant.slug);
  if (pathname.startsWith("/api/")) return NextResponse.next({ request: { headers } });
  const url = request.nextUrl.clone();
  url.pathname = `${SITES_SEGMENT}/${tenant.tenantId}${pathname === "/" ? "" : pathname}`;
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
