import type { IncomingMessage } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "../client-address/client-address";
import { normalizeAddress, resolveClientAddress } from "../client-address/resolve-client-address";
import type { TrustSettings } from "../client-address/trust-proxy";

/**
 * Makes the request's internal headers the server's own: any incoming value of
 * CLIENT_ADDRESS_HEADER is dropped (from `headers` and `rawHeaders`, whichever Next.js reads)
 * and the address resolved from the socket (and trusted proxies) is set in its place.
 */
export function stampClientAddress(req: IncomingMessage, settings: TrustSettings): string {
  const address = resolveClientAddress({ socketAddress: req.socket.remoteAddress, headers: req.headers, trust: settings.trust, header: settings.header });
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  raw.push(CLIENT_ADDRESS_HEADER, address);
  req.rawHeaders = raw;
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

/** What a proxy says about the request it forwards: believed only from a proxy TRUST_PROXY trusts. */
const FORWARDING_HEADERS = new Set(["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]);

/**
 * Drops the forwarding headers (`Forwarded`, `X-Forwarded-For/-Host/-Proto/-Port`) of a request
 * whose socket's peer is not a trusted proxy, from `headers` and `rawHeaders`: Next.js reads
 * `X-Forwarded-Proto` and `-Host` itself (the scheme and host of its redirects), so a client could
 * otherwise choose them. Next.js then fills them from the socket. From a trusted proxy they pass.
 */
export function stripUntrustedForwarding(req: IncomingMessage, settings: TrustSettings): void {
  if (fromTrustedProxy(req, settings)) return;
  let found = false;
  for (const name of FORWARDING_HEADERS) {
    if (req.headers[name] !== undefined) {
      delete req.headers[name];
      found = true;
    }
  }
  if (!found) return;
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (!FORWARDING_HEADERS.has(req.rawHeaders[i]!.toLowerCase())) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  req.rawHeaders = raw;
}

/** Whether the socket's peer is a proxy TRUST_PROXY trusts (the edge in front). */
export function fromTrustedProxy(req: IncomingMessage, settings: TrustSettings): boolean {
  const { trust } = settings;
  if (trust.kind === "none") return false;
  if (trust.kind === "hops") return true;
  const peer = normalizeAddress(req.socket.remoteAddress);
  return Boolean(peer && trust.trusts(peer, 0));
}

/**
 * Whether the client reached us over HTTPS: a TLS socket, or a trusted proxy (the socket's peer
 * is trusted by TRUST_PROXY) saying so in X-Forwarded-Proto (or `proto=` of Forwarded).
 */
export function requestIsHttps(req: IncomingMessage, settings: TrustSettings): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const { trust } = settings;
  if (trust.kind === "none") return false;
  const peer = normalizeAddress(req.socket.remoteAddress);
  if (!peer || (trust.kind === "addresses" && !trust.trusts(peer, 0))) return false;
  const header = settings.header === "forwarded" ? req.headers.forwarded : req.headers["x-forwarded-proto"];
  const text = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").pop()?.trim().toLowerCase() ?? "";
  return settings.header === "forwarded" ? /(^|;)\s*proto="?https"?\s*(;|$)/.test(text) : text === "https";
}
