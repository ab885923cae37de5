import { destinationKey, destinationOrigin, type PinnedDestination } from "./connection-pool";
import { checkedLiteralAddress } from "./destination-guard";

/**
 * An endpoint URL as a delivery uses it, parsed and checked once (the checks that need no
 * network): the request's origin and path, and, for a host that is a literal address, the
 * checked destination and its pool key, the same for every delivery. A name's addresses are not
 * part of it: they are resolved and checked before every delivery (resolveDestination).
 */
export type WebhookRoute = {
  url: URL;
  origin: string;
  path: string;
  protocol: "http:" | "https:";
  hostname: string;
  port: number;
  /** A literal address's checked destination and pool key; null for a name. */
  fixed: { destination: PinnedDestination; key: string } | null;
};

/** Routes kept at most (one per endpoint URL and allow-list); the map starts over when full. */
const MAX_ROUTES = 1_024;
const routes = new Map<string, WebhookRoute>();

/**
 * The route of `rawUrl` under `allowedHosts`, from the cache when this URL passed the same
 * checks before. A refused or invalid URL throws (ForbiddenDestinationError, TypeError) and is
 * not kept: it is checked again on its next attempt.
 */
export function webhookRoute(rawUrl: string, allowedHosts: readonly string[]): WebhookRoute {
  const cacheKey = `${allowedHosts.join(",")} ${rawUrl}`;
  const cached = routes.get(cacheKey);
  if (cached) return cached;
  const url = new URL(rawUrl);
  const literal = checkedLiteralAddress(url, allowedHosts);
  const protocol = url.protocol === "https:" ? "https:" : "http:";
  const base = { protocol, hostname: url.hostname, port: Number(url.port) || (protocol === "https:" ? 443 : 80) } as const;
  const fixed = literal ? { destination: { ...base, addresses: literal }, key: destinationKey({ ...base, addresses: literal }) } : null;
  const route: WebhookRoute = { url, origin: destinationOrigin({ ...base, addresses: [] }), path: url.pathname + url.search, ...base, fixed };
  if (routes.size >= MAX_ROUTES) routes.clear();
  routes.set(cacheKey, route);
  return route;
}
