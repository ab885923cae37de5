import type { IncomingMessage, ServerResponse } from "node:http";
import { refuseOversizeBody } from "../body/body-cap";
import { holdStreamedBody } from "../body/hold-streamed-body";

/** Next.js's own cap on a server action's body (`serverActions.bodySizeLimit`, which no app raises): 1 MiB. */
export const SERVER_ACTION_MAX_BYTES = 1024 * 1024;

/**
 * A server action call Next.js would refuse by throwing, answered before it (Next.js's refusals
 * are a 500 and an error log line any client could cause at will):
 *
 * - a POST with Next.js's `Next-Action` header, or a `multipart/form-data` POST (its no-JavaScript
 *   form action path, which checks the origin before it reads the body), from a page on another
 *   host than the request's: 403. Next.js's CSRF check, byte for byte: the Origin's host against
 *   the first X-Forwarded-Host, else the Host header, `Origin: null` included; a request that
 *   names no Origin passes, as there (no app sets `serverActions.allowedOrigins`);
 * - a `Next-Action` call, or a `multipart/form-data` POST to a path outside `/api/` (a page, where
 *   Next.js reads the whole body as a possible form action under the same cap), whose body is past
 *   Next.js's 1 MiB cap: 413, from its Content-Length, or counted as it streams when it is sent
 *   without one (chunked). Such a request is held until its body is in, and `next` then hands it
 *   to the app unchanged. A multipart post to a route handler under `/api/` (`routeHandler`, from
 *   the build: Next.js never runs one as an action; the studio's logo upload) is left to the
 *   route's own cap.
 *
 * Call it after the forwarding headers of a client that is not a trusted proxy are dropped, so
 * both read the same headers, and before anything reads the body. Returns whether it took the
 * request (answered it, or holds it and calls `next` later); when it returns false, go on.
 */
export function guardServerAction(req: IncomingMessage, res: ServerResponse, next: () => void, routeHandler: (pathname: string) => boolean): boolean {
  if (req.method !== "POST") return false;
  const action = typeof req.headers["next-action"] === "string";
  if (!action && !isMultipart(req)) return false;
  const origin = req.headers.origin;
  const from = origin === undefined ? undefined : originHost(origin);
  if (origin !== undefined && (from === undefined || from !== requestHost(req))) {
    res.writeHead(403, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ error: "forbidden_origin", message: "A server action is answered only to a page on this host" }));
    return true;
  }
  if (!action && isRouteHandlerPath(req, routeHandler)) return false;
  return refuseOversizeBody(req, res, SERVER_ACTION_MAX_BYTES) || holdStreamedBody(req, res, SERVER_ACTION_MAX_BYTES, next);
}

/** Next.js's test for a form action's body: the content type starts with `multipart/form-data` (as sent, case included). */
function isMultipart(req: IncomingMessage): boolean {
  return req.headers["content-type"]?.startsWith("multipart/form-data") === true;
}

/**
 * Whether the request goes to a route handler, which Next.js never runs as a form action: a path
 * under `/api/` (which no app's proxy rewrites) that the build serves with a `route.ts`. An
 * `/api/` path no route serves is a page to Next.js (its not-found page, which does read the
 * body as a possible action). Read as the front reads the path (dot segments resolved); a target
 * that is not a plain path (`//host/…`, a backslash) is not one: Next.js redirects those.
 */
function isRouteHandlerPath(req: IncomingMessage, routeHandler: (pathname: string) => boolean): boolean {
  const target = req.url ?? "/";
  if (!target.startsWith("/api/") || !URL.canParse(target, "http://localhost")) return false;
  const { pathname } = new URL(target, "http://localhost");
  return pathname.startsWith("/api/") && routeHandler(pathname);
}

/** The Origin's host as Next.js reads it (`null` stays `null`); undefined when it is not a URL. */
function originHost(origin: string): string | undefined {
  if (origin === "null") return "null";
  return URL.canParse(origin) ? new URL(origin).host : undefined;
}

/** The host Next.js compares it with: the first X-Forwarded-Host (a trusted proxy's), else Host. */
function requestHost(req: IncomingMessage): string | undefined {
  const forwarded = req.headers["x-forwarded-host"];
  const first = Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0]?.trim();
  return first || req.headers.host;
}
