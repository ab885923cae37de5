import { authenticateApi, authenticationOf } from "./api-auth";
import { rateLimitHeaders } from "./api-key-limits";
import { withIdempotency } from "./idempotency";
import { jsonError } from "./responses";
import { apiFrontDoor, apiKeyCallSkipsProxy, crmSecurityHeaders, withHeaders } from "@/lib/front-door";

/**
 * Wraps a REST route handler with what every API route shares: a POST honours the client's
 * `Idempotency-Key` (`/api/…`; the Follow Up Boss-compatible `/v1/events` keeps its own ledger,
 * decision 0015), and the answers to an API key or a signed-in member carry RateLimit headers
 * saying where the caller stands (refusals carry them already). An API key's call, which does not
 * pass the proxy (proxy.ts `config`), gets the proxy's work here: the unstorable-URL 400, the
 * unknown-host 404 (503 when the database cannot be asked) and the security headers.
 */
export function apiRoute<C>(handler: (request: Request, context: C) => Promise<Response>): (request: Request, context: C) => Promise<Response> {
  return withFrontDoor((request, url, context: C) => answer(request, url, context, handler));
}

/** The methods a Next.js route handler can export, in the order `Allow` lists them. */
const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type RouteMethod = (typeof ROUTE_METHODS)[number];
type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * A route file's whole export set, `export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS }
 * = apiRoutes({ GET: …, PATCH: … })`: each handler given wrapped by `apiRoute`, HEAD served by GET
 * where GET is served, OPTIONS answered 204 with `Allow`, and any other method 405
 * `method_not_allowed` with `Allow`. All of them pass the route layer, so an API key's call (which
 * skips the proxy) gets the front door's answers and the security headers whatever its method,
 * where a method the file did not export was answered by Next.js itself (an empty 405, or 204).
 */
export function apiRoutes<C>(handlers: Partial<Record<Exclude<RouteMethod, "HEAD" | "OPTIONS">, Handler<C>>>): Record<RouteMethod, Handler<C>> {
  const served = new Map<RouteMethod, Handler<C>>();
  for (const [method, handler] of Object.entries(handlers) as [RouteMethod, Handler<C> | undefined][]) if (handler) served.set(method, apiRoute(handler));
  const get = served.get("GET");
  if (get) served.set("HEAD", get);
  const allow = ROUTE_METHODS.filter((method) => served.has(method) || method === "OPTIONS").join(", ");
  const options: Handler<C> = withFrontDoor(async () => new Response(null, { status: 204, headers: { allow } }));
  const refused: Handler<C> = withFrontDoor(async (request) =>
    jsonError(405, "method_not_allowed", { message: `${request.method} is not answered here` }, { allow }),
  );
  const routes = {} as Record<RouteMethod, Handler<C>>;
  for (const method of ROUTE_METHODS) routes[method] = served.get(method) ?? (method === "OPTIONS" ? options : refused);
  return routes;
}

/**
 * An API path no route serves (`app/api/[...path]`, `app/v1/[...path]`): a JSON 404, after the
 * same front door, so an API key's call to it is answered as any other API call (unknown host,
 * unstorable URL, security headers) and never by the HTML page Next.js renders for a missing page.
 */
export const unknownApiPath = withFrontDoor(async () => jsonError(404, "not_found"));

/** The proxy's work for the API-key calls that do not pass it (see apiRoute), around `inner`. */
function withFrontDoor<C>(inner: (request: Request, url: URL, context: C) => Promise<Response>): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const url = new URL(request.url);
    if (!apiKeyCallSkipsProxy(url.pathname, request.headers)) return inner(request, url, context);
    const security = crmSecurityHeaders().responseHeaders;
    const refused = await apiFrontDoor(url, request.headers);
    return withHeaders(refused ?? (await inner(request, url, context)), security);
  };
}

async function answer<C>(request: Request, url: URL, context: C, handler: (request: Request, context: C) => Promise<Response>): Promise<Response> {
  const idempotent = request.method === "POST" && url.pathname.startsWith("/api/");
  const response = idempotent ? await withIdempotency(request, () => handler(request, context)) : await handler(request, context);
  return withRateLimitHeaders(request, response);
}

async function withRateLimitHeaders(request: Request, response: Response): Promise<Response> {
  if (response.headers.has("ratelimit-limit")) return response;
  // A key's request is authenticated here if its route did not (its answer still says where the
  // key stands); a session's only when its route did, so a request is never counted twice.
  const pending = request.headers.has("authorization") ? authenticateApi(request) : authenticationOf(request);
  if (!pending) return response;
  const auth = await pending;
  if (!auth.ok || !auth.caller.rateLimit) return response;
  return withHeaders(response, rateLimitHeaders(auth.caller.rateLimit));
}
