import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the sink received. */
export type ReceivedWebhook = { method: string; path: string; headers: Record<string, string>; body: string; receivedAt: Date };

export type WebhookSink = {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  received(): ReceivedWebhook[];
  clear(): void;
  /** Resolves once `count` requests (in all) have arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
};

const MAX_KEPT = 10_000;

/** Starts the receiver stand-in (see README): keeps requests in memory, answers as the path says. */
export async function startWebhookSink(options: { port?: number; host?: string } = {}): Promise<WebhookSink> {
  const kept: ReceivedWebhook[] = [];
  const waiters = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://sink");
      if (url.pathname === "/api/requests") {
        if (req.method === "DELETE") kept.length = 0;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(kept));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      kept.push({ method: req.method ?? "", path: url.pathname + url.search, headers, body: Buffer.concat(chunks).toString("utf8"), receivedAt: new Date() });
      if (kept.length > MAX_KEPT) kept.shift();
      for (const wake of waiters) wake();
      const [, first, second] = url.pathname.split("/");
      if (first === "status" && /^\d{3}$/.test(second ?? "")) {
        res.writeHead(Number(second), { "content-type": "text/plain" }).end(`answered ${second}`);
      } else if (first === "slow" && /^\d+$/.test(second ?? "")) {
        const timer = setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'), Number(second));
        res.on("close", () => clearTimeout(timer));
      } else if (first === "redirect") {
        res.writeHead(302, { location: url.searchParams.get("to") ?? "/" }).end();
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received: () => [...kept],
    clear: () => {
      kept.length = 0;
    },
    waitFor: (count, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (kept.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve([...kept]);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`webhook sink: ${kept.length} of ${count} requests within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
