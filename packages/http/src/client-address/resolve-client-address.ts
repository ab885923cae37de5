import ipaddr from "ipaddr.js";
import type { ForwardingHeader, TrustProxy } from "./trust-proxy";

/** An address in its canonical text form (IPv4-mapped IPv6 as IPv4), or null when it is not an IP address. */
export function normalizeAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  const text = value.trim();
  if (!ipaddr.isValid(text)) return null;
  return ipaddr.process(text).toString();
}

/** The `for=` nodes of a Forwarded header (RFC 7239), nearest client first, ports and brackets removed. */
function forwardedForNodes(value: string): string[] {
  const nodes: string[] = [];
  for (const element of value.split(",")) {
    const pair = element
      .split(";")
      .map((p) => p.trim())
      .find((p) => p.toLowerCase().startsWith("for="));
    if (!pair) {
      nodes.push("");
      continue;
    }
    let node = pair.slice(4).trim();
    if (node.startsWith('"') && node.endsWith('"')) node = node.slice(1, -1);
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(node);
    if (bracketed) node = bracketed[1]!;
    else if (/^[\d.]+:\d+$/.test(node)) node = node.slice(0, node.lastIndexOf(":"));
    nodes.push(node);
  }
  return nodes;
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

/**
 * The client's address for one request: the socket's peer, unless that peer is a trusted proxy,
 * in which case the walk continues right to left through the forwarding header while each hop
 * is trusted (express's trust-proxy model). A value that is not an IP address ends the walk
 * at the last trusted hop. Without trust, forwarding headers are not read at all.
 */
export function resolveClientAddress(options: {
  socketAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  trust: TrustProxy;
  header: ForwardingHeader;
}): string {
  const socket = normalizeAddress(options.socketAddress) ?? "unknown";
  if (options.trust.kind === "none" || socket === "unknown") return socket;
  const raw = headerText(options.headers[options.header]);
  const named = options.header === "forwarded" ? forwardedForNodes(raw) : raw.split(",").map((s) => s.trim());
  const chain = [socket, ...named.reverse()];
  const trust = options.trust;
  const trusted = (address: string, hop: number) => (trust.kind === "hops" ? hop < trust.hops : trust.kind === "addresses" && trust.trusts(address, hop));
  let client = socket;
  for (let hop = 0; hop < chain.length - 1; hop++) {
    if (!trusted(chain[hop]!, hop)) break;
    const next = normalizeAddress(chain[hop + 1]);
    if (!next) break;
    client = next;
  }
  return client;
}
