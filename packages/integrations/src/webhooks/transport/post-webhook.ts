import http from "node:http";
import https from "node:https";
import { pinnedLookup, type ConnectionPool } from "./connection-pool";
import { resolveDestination, type LookupAll } from "./destination-guard";

/** What the endpoint answered. A redirect is an answer (3xx), never followed. */
export type WebhookResponse = { status: number; excerpt: string; latencyMs: number };

/** The endpoint did not answer in time, or the connection failed. */
export class WebhookTransportError extends Error {
  readonly errorClass = "transient" as const;
  constructor(
    message: string,
    readonly latencyMs: number,
  ) {
    super(message);
    this.name = "WebhookTransportError";
  }
}

const EXCERPT_CHARS = 1000;

/**
 * POSTs a signed body to an endpoint with the protections outbound calls need: the destination
 * is resolved and checked first (destination-guard.ts) and the connection is pinned to the
 * checked addresses (a name cannot resolve to a public address for the check and a private one
 * for the connection); one deadline covers connecting, sending and the answer; redirects are not
 * followed; only the first 1,000 characters of the answer are read. With a `pool`, the
 * connection is a kept-alive one to exactly the addresses this check resolved (connection-pool.ts),
 * else a new one.
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
  const pinned = pinnedLookup(addresses);
  const protocol = url.protocol === "https:" ? "https:" : "http:";
  const pooled = options.pool?.agentFor({ protocol, port: Number(url.port) || (protocol === "https:" ? 443 : 80), addresses });
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<WebhookResponse>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        agent: pooled?.agent ?? false,
        headers: {
          ...options.headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(options.body).toString(),
          "user-agent": "real-estate-platform-webhooks/1",
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          clearTimeout(deadline);
          resolve({ status: response.statusCode ?? 0, excerpt: Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS), latencyMs: elapsed() });
        };
        response.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_CHARS * 4) chunks.push(chunk);
          size += chunk.length;
          if (size >= EXCERPT_CHARS * 4) {
            response.destroy();
            finish();
          }
        });
        response.on("end", finish);
        response.on("error", () => finish());
      },
    );
    const deadline = setTimeout(
      () => request.destroy(new WebhookTransportError(`no answer within ${options.timeoutMs} ms`, options.timeoutMs)),
      options.timeoutMs,
    );
    if (pooled)
      request.on("socket", (socket) => {
        // A kept connection is one its agent opened to these very addresses; checked again all the same.
        if (!options.pool!.isPinned(socket, pooled.allowed))
          request.destroy(new WebhookTransportError(`connection to ${socket.remoteAddress} is not to the checked address`, elapsed()));
      });
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(
        error instanceof WebhookTransportError
          ? error
          : new WebhookTransportError(`connection failed: ${(error as NodeJS.ErrnoException).code ?? error.message}`, elapsed()),
      );
    });
    request.end(options.body);
  });
}
