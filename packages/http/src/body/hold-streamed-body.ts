import type { IncomingMessage, ServerResponse } from "node:http";

/** How many times the cap a refused streamed body is read and dropped before the connection closes. */
const DRAIN_FACTOR = 4;

/**
 * Holds a request body sent without a length (chunked) until its last byte, counting it, and only
 * then lets `next` hand the request on: an app that refuses a body past its cap by throwing (as
 * Next.js does for a server action) is never reached with one. Past `maxBytes` the request is
 * answered 413 `payload_too_large` and `next` never runs; the rest of the body is read and dropped
 * up to four times the cap (so the client reads the answer on a connection it can reuse), past
 * that the connection closes. Under the cap the chunks reach the request stream as they came
 * (same bytes, same order) before its end. A body with a Content-Length (capped from its header)
 * or with none at all is not held. Must be called before anything reads the request, in the
 * `request` event's own tick (the parser hands the body to `req.push`, taken over here until
 * the end). Returns whether it holds the request.
 */
export function holdStreamedBody(req: IncomingMessage, res: ServerResponse, maxBytes: number, next: () => void): boolean {
  if (req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] === undefined) return false;
  const push = req.push.bind(req);
  const held: Buffer[] = [];
  let count = req.readableLength;
  req.push = (chunk: Buffer | null) => {
    if (chunk === null) {
      Reflect.deleteProperty(req, "push");
      for (const c of held) push(c);
      const ended = push(null);
      process.nextTick(next);
      return ended;
    }
    count += chunk.length;
    if (count <= maxBytes) {
      held.push(chunk);
      return true;
    }
    Reflect.deleteProperty(req, "push");
    held.length = 0;
    refuse(req, res, maxBytes, count);
    return true;
  };
  return true;
}

function refuse(req: IncomingMessage, res: ServerResponse, maxBytes: number, counted: number): void {
  res.writeHead(413, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ error: "payload_too_large", message: `The request body is larger than ${maxBytes} bytes` }));
  let read = counted;
  req.on("data", (chunk: Buffer) => {
    read += chunk.length;
    if (read > maxBytes * DRAIN_FACTOR) req.socket.destroy();
  });
}
