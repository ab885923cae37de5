import { authenticateApi, authenticationOf } from "./api-auth";
import { rateLimitHeaders } from "./api-key-limits";
import { withIdempotency } from "./idempotency";

/**
 * Wraps a REST route handler with what every API route shares: a POST honours the client's
 * `Idempotency-Key` (`/api/…`; the Follow Up Boss-compatible `/v1/events` keeps its own ledger,
 * decision 0015), and the answers to an API key or a signed-in member carry RateLimit headers
 * saying where the caller stands (refusals carry them already).
 */
export function apiRoute<C>(handler: (request: Request, context: C) => Promise<Response>): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const idempotent = request.method === "POST" && new URL(request.url).pathname.startsWith("/api/");
    const response = idempotent ? await withIdempotency(request, () => handler(request, context)) : await handler(request, context);
    return withRateLimitHeaders(request, response);
  };
}

async function withRateLimitHeaders(request: Request, response: Response): Promise<Response> {
  if (response.headers.has("ratelimit-limit")) return response;
  // A key's request is authenticated here if its route did not (its answer still says where the
  // key stands); a session's only when its route did, so a request is never counted twice.
  const pending = request.headers.has("authorization") ? authenticateApi(request) : authenticationOf(request);
  if (!pending) return response;
  const auth = await pending;
  if (!auth.ok || !auth.caller.rateLimit) return response;
  const fields = Object.entries(rateLimitHeaders(auth.caller.rateLimit));
  try {
    // A response the route built itself takes the fields as it is: its body stays the buffer it was.
    for (const [name, value] of fields) response.headers.set(name, value);
    return response;
  } catch {
    // Immutable headers (a fetched or redirect response): a copy around the same body.
    const headers = new Headers(response.headers);
    for (const [name, value] of fields) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
