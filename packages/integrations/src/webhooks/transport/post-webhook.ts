import { Client, type Dispatcher } from "undici";
import { stripUnstorable, truncateText } from "@real-estate/types";
import {
  destinationOrigin,
  pinnedConnector,
  resolveDestination,
  type ConnectionPool,
  type LookupAll,
  type PinnedDestination,
} from "@real-estate/types/outbound";

/**
 * What the endpoint answered. A redirect is an answer (3xx), never followed. `retryAfter` is its
 * Retry-After header as sent (the first one), read by the retry (retry-after.ts).
 */
export type WebhookResponse = { status: number; excerpt: string; latencyMs: number; retryAfter?: string };

/** The endpoint did not answer in time, or the connection failed. */
export class WebhookTransportError extends Error {
  readonly errorClass = "transient" as const;
  constructor(
    message: string,
    readonly latencyMs: number,
    /** No answer by the deadline (not a connection that failed). */
    readonly timedOut = false,
  ) {
    super(message);
    this.name = "WebhookTransportError";
  }
}

const EXCERPT_CHARS = 1000;
/** The answer is read up to about this many bytes, then the connection is closed. */
const READ_LIMIT_BYTES = EXCERPT_CHARS * 4;
/** Why a read stopped early: not an error of the delivery (the answer is kept). */
const READ_ENOUGH = new Error("answer read up to its limit");

/**
 * The answer's first characters as PostgreSQL can store them (the excerpt is written on the
 * delivery: one NUL made that write fail on every attempt). Bytes that are not UTF-8 become
 * U+FFFD, NUL and unpaired surrogates are dropped, and the cut never falls inside a character.
 */
function storableExcerpt(chunks: Buffer[]): string {
  return truncateText(stripUnstorable(Buffer.concat(chunks).toString("utf8")), EXCERPT_CHARS);
}

/**
 * POSTs a signed body to an endpoint with the protections outbound calls need: the destination
 * is resolved and checked first (destination-guard.ts) and the connection is pinned to the
 * checked addresses (a name cannot resolve to a public address for the check and a private one
 * for the connection; connection-pool.ts's pinned connector); one deadline covers connecting,
 * sending and the answer; redirects are not followed (undici's dispatch never follows one); only
 * the first 1,000 characters of the answer are kept, and the read stops after about 4 KB. With a
 * `pool`, the connection is a kept-alive one to exactly the addresses this check resolved, else
 * a new one, closed once answered.
 */
export async function postWebhook(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowedHosts: readonly string[];
  lookup?: LookupAll;
  pool?: ConnectionPool;
}): Promise<WebhookResponse> {
  const url = new URL(options.url);
  const addresses = await resolveDestination(url, { allowedHosts: options.allowedHosts, lookup: options.lookup });
  const protocol = url.protocol === "https:" ? "https:" : "http:";
  const destination: PinnedDestination = {
    protocol,
    hostname: url.hostname,
    port: Number(url.port) || (protocol === "https:" ? 443 : 80),
    addresses,
  };
  const pooled = options.pool?.dispatcherFor(destination).dispatcher;
  const dispatcher: Dispatcher = pooled ?? new Client(destinationOrigin(destination), { connect: pinnedConnector(destination) });
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<WebhookResponse>((resolve, reject) => {
    let settled = false;
    let controller: Dispatcher.DispatchController | null = null;
    let timedOut: WebhookTransportError | null = null;
    let answered = false;
    let status = 0;
    let retryAfter: string | undefined;
    let size = 0;
    const chunks: Buffer[] = [];
    const settle = (error: WebhookTransportError | null, latencyMs = elapsed()) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (!pooled) dispatcher.destroy().catch(() => {});
      if (error) reject(error);
      else resolve({ status, excerpt: storableExcerpt(chunks), latencyMs, ...(retryAfter === undefined ? {} : { retryAfter }) });
    };
    const deadline = setTimeout(() => {
      if (answered) return;
      timedOut = new WebhookTransportError(`no answer within ${options.timeoutMs} ms`, options.timeoutMs, true);
      settle(timedOut);
      // Still connecting or queued: the request is aborted as soon as it starts.
      controller?.abort(timedOut);
    }, options.timeoutMs);
    dispatcher.dispatch(
      {
        origin: destinationOrigin(destination),
        path: url.pathname + url.search,
        method: "POST",
        headers: {
          ...options.headers,
          "content-type": "application/json",
          "user-agent": "real-estate-platform-webhooks/1",
        },
        body: options.body,
      },
      {
        onRequestStart(c) {
          controller = c;
          if (timedOut) c.abort(timedOut);
        },
        onResponseStart(_c, statusCode, headers) {
          status = statusCode;
          const value = headers["retry-after"];
          retryAfter = Array.isArray(value) ? value[0] : value;
        },
        onResponseData(c, chunk) {
          if (size < READ_LIMIT_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= READ_LIMIT_BYTES) {
            settle(null);
            c.abort(READ_ENOUGH);
          }
        },
        onResponseEnd() {
          // undici hands the connection back to its pool one event-loop turn after the answer
          // (setImmediate, after this handler returns); settling after that lets the next
          // delivery to this destination reuse it instead of opening another connection.
          answered = true;
          const latencyMs = elapsed();
          queueMicrotask(() => setImmediate(() => settle(null, latencyMs)));
        },
        onResponseError(_c, error) {
          // An answer cut short after its status line is still an answer (what was read is kept).
          if (status !== 0) return settle(null);
          settle(new WebhookTransportError(`connection failed: ${(error as NodeJS.ErrnoException).code ?? error.message}`, elapsed()));
        },
      },
    );
  });
}
