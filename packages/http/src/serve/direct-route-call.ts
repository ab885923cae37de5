import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";

/** A route handler as the app exports it from `route.ts`. */
export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => unknown;

/** The methods a route handler may export (Next.js's `HTTP_METHODS`). */
const HANDLER_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"] as const;

/** Request headers Next.js's router removes before any route sees them (its `filterInternalHeaders`). */
const NEXT_INTERNAL_HEADERS = [
  "x-middleware-rewrite",
  "x-middleware-redirect",
  "x-middleware-set-cookie",
  "x-middleware-skip",
  "x-middleware-override-headers",
  "x-middleware-next",
  "x-now-route-matches",
  "x-matched-path",
  "x-nextjs-data",
  "x-next-resume-state-length",
  "next-resume",
];

/**
 * The handler Next.js runs for `method` of a route module's exports (its `autoImplementMethods`):
 * the export itself, HEAD served by GET, OPTIONS answered 204 with `Allow`, any other an empty 405.
 */
export function handlerFor(userland: Record<string, unknown>, method: string): RouteHandler {
  const own = userland[method];
  if (typeof own === "function") return own as RouteHandler;
  if (method === "HEAD" && typeof userland.GET === "function") return userland.GET as RouteHandler;
  if (method === "OPTIONS") {
    const allow = HANDLER_METHODS.filter((m) => typeof userland[m] === "function" || m === "OPTIONS" || (m === "HEAD" && typeof userland.GET === "function"));
    return () => new Response(null, { status: 204, headers: { Allow: [...allow].sort().join(", ") } });
  }
  return () => new Response(null, { status: 405 });
}

/**
 * The Web Request Next.js hands a route handler for `req`: its headers as Next.js's router leaves
 * them (its internal headers removed, the `X-Forwarded-*` it fills in), the URL on Next.js's own
 * origin (`http://localhost:<port>`, https when the request came over TLS or a trusted proxy said
 * so), the body streamed (`duplex: "half"`), aborted when the client goes away.
 */
export function webRequestOf(req: IncomingMessage, port: number, signal: AbortSignal): Request {
  for (const name of NEXT_INTERNAL_HEADERS) delete req.headers[name];
  const encrypted = Boolean((req.socket as TLSSocket).encrypted);
  const forwardedProto = req.headers["x-forwarded-proto"];
  const https = encrypted || (typeof forwardedProto === "string" && forwardedProto.includes("https"));
  req.headers["x-forwarded-host"] ??= req.headers.host ?? "localhost";
  req.headers["x-forwarded-port"] ??= String(port);
  req.headers["x-forwarded-proto"] ??= encrypted ? "https" : "http";
  req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.append(name, value);
  }
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? null : (req as unknown as AsyncIterable<Uint8Array>);
  return new Request(`${https ? "https" : "http"}://localhost:${port}${req.url ?? "/"}`, {
    method,
    headers,
    body: body as unknown as BodyInit | null,
    signal,
    // @ts-expect-error undici's streamed request bodies (not in the DOM typings).
    duplex: "half",
  });
}

/**
 * Writes the handler's Response as Next.js's `sendResponse` does (status, every header, each
 * Set-Cookie apart; no body for HEAD), after the `Vary` Next.js's router sets on app routes, with the body in as few writes as possible: a body whose
 * stream ends right after its first chunk goes out with the head in one `end()`; a longer one is
 * written chunk by chunk as it comes, waiting for the client to take each (backpressure).
 */
export async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response, vary: string | null): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  // Next.js's router appends its Vary before the route runs; the route's own comes after it.
  if (vary) res.setHeader("vary", vary);
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    if (name === "vary" && vary) res.setHeader(name, `${vary}, ${value}`);
    else res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body || req.method === "HEAD") {
    if (response.body) void response.body.cancel().catch(() => undefined);
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const closed = () => res.destroyed || res.writableEnded;
  res.once("close", () => void reader.cancel().catch(() => undefined));
  const first = await reader.read();
  if (first.done) {
    res.end();
    return;
  }
  // The next chunk, if the stream has it by the end of this turn (a one-chunk body's end does):
  // then the head, the body and its end leave in one write.
  let next = reader.read();
  const soon = await Promise.race([next, new Promise<null>((resolve) => setImmediate(() => resolve(null)))]);
  if (soon?.done) {
    if (!closed()) res.end(first.value);
    return;
  }
  if (!closed()) res.write(first.value);
  let chunk = soon ?? (await next);
  while (!chunk.done && !closed()) {
    if (!res.write(chunk.value)) await new Promise<void>((resolve) => (res.once("drain", resolve), res.once("close", resolve)));
    next = reader.read();
    chunk = await next;
  }
  if (!closed()) res.end();
}

/** All the methods a route handler can be called with (the rest are refused by the front). */
export { HANDLER_METHODS };
