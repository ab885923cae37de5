import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { hasSpaceOrControl } from "../text";

/** A destination the platform refuses to call (server-side request forgery protection). */
export class ForbiddenDestinationError extends Error {
  readonly errorClass = "permanent" as const;
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenDestinationError";
  }
}

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemLookup: LookupAll = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * IPv4-compatible IPv6 (::a.b.c.d, RFC 4291 2.5.5.1, deprecated): ipaddr.js names no range for
 * it, so `::7f00:1` (the URL parser's spelling of `::127.0.0.1`) would read as unicast, while a
 * host may route it to the IPv4 address inside. No public host uses the block: all of it is refused.
 */
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/**
 * True for an address on the public internet: ipaddr.js's `unicast` range. Loopback, private
 * (10/8, 172.16/12, 192.168/16), link-local (169.254/16, incl. cloud metadata), carrier-grade
 * NAT, multicast, reserved, unique-local and IPv4-mapped forms of any of them are not; nor the
 * special IPv6 blocks ipaddr.js names (site-local, discard, documentation, Teredo, ORCHID,
 * IPv4-translated, NAT64, 6to4, ...), nor IPv4-compatible IPv6 (::/96).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    else if (v6.match(IPV4_COMPATIBLE)) return false;
  }
  return parsed.range() === "unicast";
}

/** The host as the allow-list spells it: lower-case, IPv6 without brackets. */
function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
}

/** True when an operator allowed this URL's host (`host`, or `host:port` with the URL's port). */
export function isAllowedHost(url: URL, allowedHosts: readonly string[]): boolean {
  const host = bareHost(url);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return allowedHosts.includes(host) || allowedHosts.includes(`${host}:${port}`) || allowedHosts.includes(`[${host}]:${port}`);
}

/**
 * Checks what can be checked without the network: no spaces or control characters as typed (the
 * URL parser drops tabs and line breaks and encodes spaces, so the URL stored and shown would not
 * be the one called), http(s) only, no credentials in the URL, and a literal address or
 * `localhost` only when public or allowed. Returns a reason, or null.
 */
export function checkDestinationUrl(raw: string, allowedHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "not a URL";
  }
  if (hasSpaceOrControl(raw)) return "no spaces or control characters in the URL (percent-encode them)";
  return checkParsedDestination(url, allowedHosts);
}

/** checkDestinationUrl for a URL already parsed (a call's, parsed once per attempt). */
function checkParsedDestination(url: URL, allowedHosts: readonly string[]): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") return "only http and https URLs";
  if (url.username || url.password) return "no user name or password in the URL";
  if (isAllowedHost(url, allowedHosts)) return null;
  const host = bareHost(url);
  if (net.isIP(host) && !isPublicAddress(host)) return "a private, loopback or link-local address";
  // A fully qualified name (`localhost.`, `metadata.google.internal.`) is the same name: the URL
  // parser keeps its trailing dot. Only the check drops it; the lookup still asks for the name as written.
  const name = host.replace(/\.+$/, "");
  if (name === "localhost" || name.endsWith(".localhost") || name.endsWith(".local") || name.endsWith(".internal"))
    return "a name of this machine or its network";
  return null;
}

/**
 * The addresses to connect to for `url`, after the checks: every address the name resolves to
 * must be public (a name with one private address among public ones is refused: an attacker
 * controls which one a client picks), unless the host is allowed. Throws ForbiddenDestinationError.
 */
export async function resolveDestination(
  url: URL,
  options: { allowedHosts: readonly string[]; lookup?: LookupAll },
): Promise<{ address: string; family: number }[]> {
  const reason = checkParsedDestination(url, options.allowedHosts);
  if (reason) throw new ForbiddenDestinationError(`refused destination ${url.host}: ${reason}`);
  const host = bareHost(url);
  if (net.isIP(host)) return [{ address: host, family: net.isIP(host) }];
  let addresses: { address: string; family: number }[];
  try {
    addresses = await (options.lookup ?? systemLookup)(host);
  } catch (error) {
    throw Object.assign(new Error(`cannot resolve ${host}: ${(error as Error).message}`), { errorClass: "transient" as const });
  }
  if (addresses.length === 0) throw Object.assign(new Error(`cannot resolve ${host}`), { errorClass: "transient" as const });
  if (isAllowedHost(url, options.allowedHosts)) return addresses;
  const inside = addresses.find((a) => !isPublicAddress(a.address));
  if (inside) throw new ForbiddenDestinationError(`refused destination ${url.host}: resolves to a private, loopback or link-local address`);
  return addresses;
}
