import type http from "node:http";

/** The largest request body any route of the three apps takes (a studio logo upload is 1 MiB). */
export const DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024;

/**
 * Reads APP_MAX_REQUEST_BYTES: a positive whole number of bytes, else the default. A value that is
 * set but not such a number stops the server before it listens.
 */
export function maxRequestBytes(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_MAX_REQUEST_BYTES;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`APP_MAX_REQUEST_BYTES must be a positive whole number of bytes, not "${raw}"`);
  return n;
}

/** How many times the cap a refused body may announce and still be read to its end (and dropped). */
const DRAIN_FACTOR = 4;

/**
 * Refuses a request whose announced body is larger than any route takes, with 413 before the
 * app reads a byte of it, whatever the route (also routes that read no body, which would
 * otherwise answer as if the body were not there). The rest of the body is read and dropped
 * (never stored), as nginx lingers: closing under a client that is still sending would reset the
 * connection before it reads the answer. A body announced past four times the cap is not read:
 * the connection closes after the answer. Bodies sent without a length (chunked) are capped by
 * the routes' own reader as they stream. Returns whether it answered.
 */
export function refuseOversizeBody(req: http.IncomingMessage, res: http.ServerResponse, maxBytes: number): boolean {
  const declared = req.headers["content-length"];
  if (declared === undefined) return false;
  const length = Number(declared);
  if (Number.isFinite(length) && length <= maxBytes) return false;
  // Not a number (or several values joined): Node's parser refuses most of these already; the
  // rest is not a length we can trust either.
  const status = Number.isFinite(length) ? 413 : 400;
  const body =
    status === 413
      ? { error: "payload_too_large", message: `The request body is larger than ${maxBytes} bytes` }
      : { error: "malformed_request", message: "The Content-Length header is not a number" };
  const drain = status === 413 && length <= maxBytes * DRAIN_FACTOR;
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...(drain ? {} : { connection: "close" }) });
  res.end(JSON.stringify(body));
  if (drain) {
    let read = 0;
    req.on("data", (chunk: Buffer) => {
      read += chunk.length;
      if (read > length) req.socket.destroy();
    });
  }
  return true;
}
