import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export type Health = { ok: boolean; detail: Record<string, unknown> };

export type MetricsServer = { port: number; close(): Promise<void> };

/**
 * Serves `GET /metrics` (Prometheus text format) and `GET /healthz` (200 when healthy, else
 * 503; JSON body) on `port` (0: any free port). Everything else answers 404.
 */
export async function startMetricsServer(options: { port: number; host?: string; registry: Registry; health: () => Promise<Health> }): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET" }).end();
    if (path === "/metrics") {
      options.registry
        .metrics()
        .then((body) => res.writeHead(200, { "content-type": options.registry.contentType }).end(body))
        .catch(() => res.writeHead(500, { "content-type": "text/plain" }).end("metrics unavailable\n"));
      return;
    }
    if (path === "/healthz") {
      options
        .health()
        .catch(() => ({ ok: false, detail: { error: "health check failed" } }))
        .then((h) => res.writeHead(h.ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ status: h.ok ? "ok" : "unhealthy", ...h.detail })));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_found" }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
