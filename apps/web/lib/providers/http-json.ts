// Provider calls go through node:http(s), not the global fetch: Next.js patches fetch for its
// data cache, and an uncached fetch would turn a cached (ISR) page into a dynamic one. Caching
// of provider answers is ours (ProviderCacheEntry), per tenant and location.
import http from "node:http";
import https from "node:https";

/** GET/POST JSON with a timeout; null on any network error, timeout, non-2xx or non-JSON answer (providers degrade, pages never fail). */
export function fetchJson<T>(
  url: string,
  init: { method: "GET" | "POST"; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<{ status: number; body: T } | null> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve(null);
    }
    const client = target.protocol === "https:" ? https : http;
    const headers = { accept: "application/json", ...(init.headers ?? {}), ...(init.body ? { "content-length": String(Buffer.byteLength(init.body)) } : {}) };
    const req = client.request(target, { method: init.method, headers, timeout: init.timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > 1_000_000) req.destroy();
        else chunks.push(c);
      });
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return resolve(null);
        try {
          resolve({ status, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as T });
        } catch {
          resolve(null);
        }
      });
      res.on("error", () => resolve(null));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
    if (init.body) req.write(init.body);
    req.end();
  });
}
