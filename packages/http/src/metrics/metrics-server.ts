import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export type MetricsServer = { port: number; close: () => Promise<void> };

/** Answers the health paths it owns and returns true; false for any other path. */
export type HealthResponder = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => boolean;

/**
 * The operator's listener: `GET /metrics` (Prometheus text format) and the health paths; 404 for
 * everything else. `port` 0 takes any free port. Used by the app server and the ingestion worker.
 */
export async function startMetricsServer(options: { port: number; hostname?: string; registry: Registry; health: HealthResponder }): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (options.health(req, res, pathname)) return;
    if (pathname !== "/metrics") return void res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_found" }));
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD" }).end();
    options.registry
      .metrics()
      .then((body) =>
        res.writeHead(200, { "content-type": options.registry.contentType, "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : body),
      )
      .catch(() => res.writeHead(500, { "content-type": "text/plain" }).end("metrics unavailable\n"));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
