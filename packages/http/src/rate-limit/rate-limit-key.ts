import ipaddr from "ipaddr.js";

/**
 * The part of an address a rate limit counts: an IPv4 address as it is, an IPv6 address by its
 * /64 network (one subscriber is handed a whole /64 and could otherwise take a new address per
 * request). Anything else (the shared "unknown") as it is.
 */
export function addressBucket(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const bytes = parsed.toByteArray().slice(0, 8);
  return `${ipaddr.fromByteArray([...bytes, 0, 0, 0, 0, 0, 0, 0, 0]).toString()}/64`;
}

/**
 * The key of one rate-limit bucket: what is limited (`scope`, e.g. "web-forms"), for which tenant
 * (when the limit is per tenant) and from which client address (from `clientAddress`, never a
 * header a client sets).
 */
export function rateLimitKey(options: { scope: string; tenantId?: string; address: string }): string {
  return [options.scope, options.tenantId ?? "-", addressBucket(options.address)].join("|");
}
