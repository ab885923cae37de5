import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import { normalizeAddress } from "../client-address/resolve-client-address";
import type { TrustProxy } from "../client-address/trust-proxy";
import { ACCEPTABLE_REQUEST_ID, REQUEST_ID_HEADER } from "./request-id-header";

/**
 * The id of one request: the one a trusted proxy sent in X-Request-Id (the socket's peer is a
 * proxy TRUST_PROXY names, and the value is a plain token of 8-128 characters), else a new
 * random UUID. A client that is not a trusted proxy cannot choose its request's id.
 */
export function resolveRequestId(options: { socketAddress: string | undefined; incoming: string | string[] | undefined; trust: TrustProxy }): string {
  const { trust } = options;
  const incoming = Array.isArray(options.incoming) ? undefined : options.incoming?.trim();
  if (incoming && ACCEPTABLE_REQUEST_ID.test(incoming) && trust.kind !== "none") {
    const peer = normalizeAddress(options.socketAddress);
    if (peer && (trust.kind === "hops" || trust.trusts(peer, 0))) return incoming;
  }
  return crypto.randomUUID();
}

/**
 * Makes the request's X-Request-Id the server's own (the resolved id replaces any value sent, in
 * `headers` and `rawHeaders`) and returns it.
 */
export function stampRequestId(req: IncomingMessage, trust: TrustProxy): string {
  const id = resolveRequestId({ socketAddress: req.socket.remoteAddress, incoming: req.headers[REQUEST_ID_HEADER], trust });
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== REQUEST_ID_HEADER) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  raw.push(REQUEST_ID_HEADER, id);
  req.rawHeaders = raw;
  req.headers[REQUEST_ID_HEADER] = id;
  return id;
}
