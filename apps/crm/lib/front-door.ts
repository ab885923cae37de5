import { clerkSelected, readClerkAppEnv } from "@real-estate/auth/clerk-next";
import { findUnstorableUrlPart, pageSecurityHeaders, UNSTORABLE_MESSAGE } from "@real-estate/http";
import { resolveTenantByHost } from "@real-estate/sites";

/**
 * What the CRM's front door does for every request, shared by the proxy (pages, session API
 * calls) and by the API route layer for the API-key calls that do not pass the proxy
 * (`apiKeyCallSkipsProxy`).
 */

/** The CRM's security headers for one request (a fresh CSP nonce each time). */
export function crmSecurityHeaders(): ReturnType<typeof pageSecurityHeaders> {
  return pageSecurityHeaders({
    app: "crm",
    dev: process.env.NODE_ENV === "development",
    clerkFrontendApi: clerkSelected() ? readClerkAppEnv().frontendApi : undefined,
  });
}

/**
 * A URL naming a path segment or query parameter that PostgreSQL could not store (a NUL byte,
 * an encoded lone surrogate, broken percent-encoding): 400 naming it, before any page or route.
 */
export function refuseUnstorableUrl(url: URL): Response | null {
  const field = findUnstorableUrlPart(url);
  if (!field) return null;
  const body = { error: "malformed_request", fields: { [field]: [UNSTORABLE_MESSAGE] } };
  return Response.json(body, { status: 400, headers: { "cache-control": "no-store" } });
}

/**
 * An API call with an `Authorization` header (an API key) outside `/api/auth/…`: the proxy's
 * matcher (proxy.ts `config`, which must stay a literal) lets these through without running the
 * proxy, and the API route layer does the front door's work for them (`apiFrontDoor`). Session
 * calls keep passing the proxy: Clerk's `auth()` needs its middleware to have run.
 */
export function apiKeyCallSkipsProxy(pathname: string, headers: Headers): boolean {
  if (!headers.has("authorization")) return false;
  if (pathname.startsWith("/api/auth/") || pathname === "/api/openapi.json") return false;
  return pathname.startsWith("/api/") || pathname.startsWith("/v1/");
}

/**
 * The proxy's answers to an API call before any route runs: 400 for an unstorable URL, 503 when
 * the database cannot be asked for the Host's tenant, 404 `unknown_tenant` when no CRM answers on
 * the Host. Null when the call goes on to its route. The tenant is never taken from a header the
 * client sent (no `x-tenant-*` header is read anywhere); routes resolve it again from the Host
 * (cached in the process).
 */
export async function apiFrontDoor(url: URL, headers: Headers): Promise<Response | null> {
  const unstorable = refuseUnstorableUrl(url);
  if (unstorable) return unstorable;
  try {
    const tenant = await resolveTenantByHost({ host: headers.get("host"), kind: "CRM" });
    return tenant ? null : Response.json({ error: "unknown_tenant" }, { status: 404 });
  } catch {
    return Response.json({ error: "service_unavailable" }, { status: 503, headers: { "retry-after": "5", "cache-control": "no-store" } });
  }
}

/** The response with these headers set: in place when it can be, else a copy around the same body. */
export function withHeaders(response: Response, fields: Record<string, string>): Response {
  try {
    // A response the route built itself takes the fields as it is: its body stays the buffer it was.
    for (const [name, value] of Object.entries(fields)) response.headers.set(name, value);
    return response;
  } catch {
    // Immutable headers (a fetched or redirect response).
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(fields)) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
