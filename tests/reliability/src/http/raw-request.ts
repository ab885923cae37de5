// HTTP/1.1 requests with full control of headers (Host included) and raw body bytes, to
// 127.0.0.1 only. fetch() cannot set Host, which the host-header and isolation checks need.
import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

export type RawRequest = {
  origin: string;
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  timeoutMs?: number;
};

// Idle pooled sockets are dropped after 4 s, before the servers' 5 s keep-alive timeout closes
// them from their side (which is what races with reuse).
const agent = new http.Agent({ keepAlive: true, maxSockets: 16, timeout: 4_000 });
/** Largest response body kept (the rest is read and dropped). */
const MAX_BODY = 4 * 1024 * 1024;

/**
 * One request. A keep-alive socket the server closed just as it was reused fails with
 * ECONNRESET before the request reached the application: that case (and only that one) is
 * retried once on a new connection (not another pooled socket, which may have been closed by
 * the same idle timeout), as Node's documentation recommends.
 */
export async function rawRequest(req: RawRequest): Promise<RawResponse> {
  try {
    return await sendOnce(req);
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { reusedSocket?: boolean };
    // "socket hang up" carries its ECONNRESET in `code`, not in the message.
    if (e.reusedSocket && (["ECONNRESET", "EPIPE"].includes(e.code ?? "") || /ECONNRESET|EPIPE/.test(e.message))) return sendOnce(req);
    throw error;
  }
}

function sendOnce(req: RawRequest, pooled = true): Promise<RawResponse> {
  const url = new URL(req.origin);
  if (url.hostname !== "127.0.0.1") throw new Error(`raw requests go to 127.0.0.1 only (got ${url.hostname})`);
  const started = Date.now();
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, "utf8");
  const headers: Record<string, string | string[]> = { ...(req.headers ?? {}) };
  if (body && !Object.keys(headers).some((h) => h.toLowerCase() === "content-length")) headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: "127.0.0.1",
        port: Number(url.port),
        method: req.method,
        path: req.path,
        headers,
        agent: pooled ? agent : false,
        setHost: !Object.keys(headers).some((h) => h.toLowerCase() === "host"),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size <= MAX_BODY) chunks.push(c);
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: Date.now() - started }),
        );
        res.on("error", reject);
      },
    );
    r.setTimeout(req.timeoutMs ?? 30_000, () => r.destroy(new Error(`timeout after ${req.timeoutMs ?? 30_000} ms: ${req.method} ${req.path}`)));
    r.on("error", (error) => reject(Object.assign(error, { reusedSocket: r.reusedSocket })));
    if (body) r.write(body);
    r.end();
  });
}

/** Runs `tasks` with at most `concurrency` in flight. */
export async function runPool<T, R>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  });
  await Promise.all(workers);
  return results;
}
