import type { ServerResponse } from "node:http";

/**
 * Response headers that name the app's internal routes (the website's `/sites/<tenant id>/…`
 * rewrite target): Next.js sends them for its client router, which works without them (it
 * falls back to the URL it asked for). They must not tell a visitor a tenant's internal id.
 */
const INTERNAL_RESPONSE_HEADERS = ["x-middleware-rewrite", "x-nextjs-rewritten-path", "x-nextjs-rewritten-query", "x-powered-by"];

/**
 * Drops internal headers however Next.js sets them (setHeader, or the header list of writeHead).
 * `onRewrite` hears the internal path a request was rewritten to (for the route-template label of
 * the request metrics) before its header is dropped.
 */
export function stripInternalResponseHeaders(res: ServerResponse, onRewrite?: (target: string) => void): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => {
    const lower = name.toLowerCase();
    if (lower === "x-middleware-rewrite" && onRewrite) onRewrite(String(value));
    return INTERNAL_RESPONSE_HEADERS.includes(lower) ? res : setHeader(name, value);
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    for (const name of INTERNAL_RESPONSE_HEADERS) res.removeHeader(name);
    const headers = args.find((a, i) => i > 0 && a && typeof a === "object");
    if (headers && !Array.isArray(headers)) {
      for (const key of Object.keys(headers)) {
        if (!INTERNAL_RESPONSE_HEADERS.includes(key.toLowerCase())) continue;
        if (key.toLowerCase() === "x-middleware-rewrite" && onRewrite) onRewrite(String((headers as Record<string, unknown>)[key]));
        delete (headers as Record<string, unknown>)[key];
      }
    }
    return writeHead(...args);
  }) as typeof res.writeHead;
}
