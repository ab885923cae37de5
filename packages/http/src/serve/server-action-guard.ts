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
 * - a `Next-Action` call whose body is past Next.js's 1 MiB cap: 413, from its Content-Length, or
 *   counted as it streams when it is sent without one (chunked). Such a call is held until its
 *   body is in, and `next` then hands it to the app unchanged.
 *
 * Call it after the forwarding headers of a client that is not a trusted proxy are dropped, so
 * both read the same headers, and before anything reads the body. Returns whether it took the
 * request (answered it, or holds it and calls `next` later); when it returns false, go on.
 */
export function guardServerAction(req: IncomingMessage, res: ServerResponse, next: () => void): boolean {
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
  if (!action) return false;
  return refuseOversizeBody(req, res, SERVER_ACTION_MAX_BYTES) || holdStreamedBody(req, res, SERVER_ACTION_MAX_BYTES, next);
}

/** Next.js's test for a form action's body: the content type starts with `multipart/form-data` (as sent, case included). */
function isMultipart(req: IncomingMessage): boolean {
  return req.headers["content-type"]?.startsWith("multipart/form-data") === true;
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
