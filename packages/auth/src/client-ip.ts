/**
 * The client's address for rate limiting. Behind a trusted proxy (`trustProxy`) the left-most
 * X-Forwarded-For entry; otherwise the right-most one, which the Next.js server adds from the
 * socket itself, so a client cannot choose its own bucket by sending the header.
 */
export function clientIpFrom(headers: Headers, trustProxy: boolean): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = trustProxy ? forwarded[0] : forwarded[forwarded.length - 1];
  return (ip ?? headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}
