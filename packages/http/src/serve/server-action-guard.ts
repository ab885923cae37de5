import type { IncomingMessage, ServerResponse } from "node:http";
import { refuseOversizeBody } from "../body/body-cap";

/** Next.js's own cap on a server action's body (`serverActions.bodySizeLimit`, which no app raises): 1 MiB. */
export const SERVER_ACTION_MAX_BYTES = 1024 * 1024;

/**
 * A server action call (a POST with Next.js's `Next-Action` header) that Next.js would refuse,
 * answered before it: a page on another host than the request's (Next.js's CSRF check: the
 * Origin's host against the first X-Forwarded-Host, else the Host header, `Origin: null`
 * included) gets 403, and a body whose Content-Length is past Next.js's cap 413. Next.js refuses
 * both by throwing, which any client could use to make the app answer 500 and log an error.
 * The same rule as Next.js's (no app sets `serverActions.allowedOrigins`); a call that names no
 * Origin passes, as there. Call it after the forwarding headers of a client that is not a
 * trusted proxy are dropped, so both read the same headers. Returns whether it answered.
 */
export function refuseServerActionNextWouldRefuse(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || typeof req.headers["next-action"] !== "string") return false;
  const origin = req.headers.origin;
  const from = origin === undefined ? undefined : originHost(origin);
  if (origin !== undefined && (from === undefined || from !== requestHost(req))) {
    res.writeHead(403, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ error: "forbidden_origin", message: "A server action is answered only to a page on this host" }));
    return true;
  }
  return refuseOversizeBody(req, res, SERVER_ACTION_MAX_BYTES);
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
