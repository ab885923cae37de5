// Provider calls go through node:http(s), not the global fetch: Next.js patches fetch for its
// data cache, and an uncached fetch would turn a cached (ISR) page into a dynamic one. Caching
// of provider answers is ours (ProviderCacheEntry), per tenant and location.
import http from "node:http";
import https from "node:https";
import { readBoundedBody } from "@real-estate/types/outbound";

/** The most of an answer read: providers answer a few KB. */
export const MAX_PROVIDER_ANSWER_BYTES = 1_000_000;

/**
 * GET/POST JSON with one deadline for the whole exchange (connecting, sending, the headers and
 * the body: a server trickling a byte at a time is cut off at `timeoutMs` like one that never
 * answers; Node's own `timeout` is only the socket's idleness). null on any network error,
 * deadline, non-2xx, non-JSON answer or an answer over MAX_PROVIDER_ANSWER_BYTES (providers
 * degrade, pages never fail). No compression is asked for, so none is undone.
 */
export async function fetchJson<T>(
  url: string,
  init: { method: "GET" | "POST"; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<{ status: number; body: T } | null> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  const client = target.protocol === "https:" ? https : http;
  const headers = { accept: "application/json", ...(init.headers ?? {}), ...(init.body ? { "content-length": String(Buffer.byteLength(init.body)) } : {}) };
  // Aborting destroys the request and its answer: a pending read of the body rejects.
  const signal = AbortSignal.timeout(init.timeoutMs);
  try {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = client.request(target, { method: init.method, headers, signal }, resolve);
      req.on("error", reject);
      if (init.body) req.write(init.body);
      req.end();
    });
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      res.destroy();
      return null;
    }
    const text = (await readBoundedBody(res, MAX_PROVIDER_ANSWER_BYTES)).toString("utf8");
    return { status, body: JSON.parse(text) as T };
  } catch {
    return null;
  }
}
