import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { clerkMiddleware } from "@clerk/nextjs/server";
import { clerkMiddlewareOptions, clerkSelected, readClerkAppEnv } from "@real-estate/auth/clerk-next";
import { findUnstorableUrlPart, pageSecurityHeaders, UNSTORABLE_MESSAGE } from "@real-estate/http";

/**
 * The studio's front door: every page gets a strict Content-Security-Policy with a fresh nonce
 * (Next.js puts it on its scripts) and may not be framed; a URL with a path segment or query
 * parameter PostgreSQL could not store (NUL, an encoded lone surrogate, broken percent-encoding)
 * is answered 400 naming it, before any page or route runs. Access is checked by each page and
 * route (requireOperatorPage, operatorRoute), not here. With AUTH_PROVIDER=clerk, Clerk's
 * `clerkMiddleware` runs around it and verifies the session token offline (CLERK_JWT_KEY,
 * authorized parties), which is what `auth()` in pages and routes then reads.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (!clerkSelected()) return route(request);
  const response = await clerkMiddleware(async (_auth, req) => route(req), clerkMiddlewareOptions())(request, event);
  return response ?? NextResponse.next();
}

function route(request: NextRequest): NextResponse {
  const security = pageSecurityHeaders({
    app: "studio",
    dev: process.env.NODE_ENV === "development",
    clerkFrontendApi: clerkSelected() ? readClerkAppEnv().frontendApi : undefined,
  });
  const field = findUnstorableUrlPart(request.nextUrl);
  let response: NextResponse;
  if (field) {
    response = NextResponse.json(
      { error: "malformed_request", fields: { [field]: [UNSTORABLE_MESSAGE] } },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  } else {
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(security.requestHeaders)) headers.set(name, value);
    response = NextResponse.next({ request: { headers } });
  }
  for (const [name, value] of Object.entries(security.responseHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
