import http from "node:http";
import path from "node:path";
import next from "next";
import { parseTrustSettings } from "../client-address/trust-proxy";
import { maxRequestBytes } from "../body/body-cap";
import { RENDER_NONCE_ENV, renderNonce } from "../headers/security-headers";
import { createJsonLogger } from "../logging/json-logger";
import { createRequestFront } from "./request-front";
import { createDirectLane, directLaneWanted } from "./direct-lane";
import { createHexNonce } from "./swap-render-nonce";
import { createStaticCompressor } from "./compress-static";
import { createHealthResponder, HEALTH_PATHS, type ReadinessCheck } from "../health/health-endpoints";
import { createMetricsRegistry } from "../metrics/create-metrics-registry";
import { createHttpMetrics } from "../metrics/http-metrics";
import { loadRouteMatcher } from "../metrics/route-templates";
import { startMetricsServer, type MetricsServer } from "../metrics/metrics-server";

export type AppServerOptions = {
  /** The Next.js app folder (with its production build in .next). */
  dir: string;
  port: number;
  /** Address to listen on; default all interfaces, as `next start`. */
  hostname?: string;
  /** TRUST_PROXY / TRUST_PROXY_HEADER (see parseTrustSettings), APP_MAX_REQUEST_BYTES (see maxRequestBytes); default process.env. */
  env?: { TRUST_PROXY?: string; TRUST_PROXY_HEADER?: string; APP_MAX_REQUEST_BYTES?: string; APP_DIRECT_ROUTES?: string };
  /** Readiness behind `/readyz` (database reachable, migrations current); default: always ready. */
  ready?: ReadinessCheck;
  /**
   * Port of a second listener serving Prometheus metrics on `/metrics` (and the health paths);
   * default none. Metrics stay off the public port: they are for the operator's scraper.
   */
  metricsPort?: number;
  /** Address the metrics listener binds; default 127.0.0.1. */
  metricsHostname?: string;
  /** The `service` field of every log line; default the app folder's name (web, crm, studio). */
  service?: string;
};

export type AppServer = { server: http.Server; port: number; metricsPort: number | null; close: () => Promise<void> };

/**
 * A Node HTTP server in front of a Next.js production build (the programmatic `next()` API):
 * every request gets the client's address from the socket in CLIENT_ADDRESS_HEADER before
 * Next.js (proxy.ts, routes, better-auth) sees it, every response gets the baseline security
 * headers (nosniff, referrer and permissions policy, HSTS over HTTPS), and headers naming
 * internal routes are removed from every response; each request gets an id (X-Request-Id, see
 * stampRequestId) and one JSON access log line on stdout. The process's render nonce (the nonce
 * cached pages are rendered with, published to proxy.ts in RENDER_NONCE_ENV) is replaced by a
 * fresh nonce in every response (swap-render-nonce.ts). Build assets go out compressed
 * (compress-static.ts), and so do pages unless a trusted proxy takes them (compress-pages.ts). The settings are read once: a bad
 * TRUST_PROXY stops the server before it listens.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const env = options.env ?? process.env;
  const trust = parseTrustSettings({ TRUST_PROXY: env.TRUST_PROXY, TRUST_PROXY_HEADER: env.TRUST_PROXY_HEADER });
  const maxBytes = maxRequestBytes(env.APP_MAX_REQUEST_BYTES);
  // Kept when the operator configured one (instances sharing a page cache must agree on it).
  const nonce = renderNonce() ?? createHexNonce();
  process.env[RENDER_NONCE_ENV] = nonce;
  // Next.js's own names for itself: "localhost" when no address is given (as `next start`),
  // so its proxy rewrites count as local.
  const app = next({ dev: false, dir: options.dir, hostname: "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  process.env.__NEXT_PRIVATE_ORIGIN ??= `http://localhost:${options.port}`;
  const registry = createMetricsRegistry();
  const routes = loadRouteMatcher({ dir: options.dir, extraRoutes: HEALTH_PATHS });
  const metrics = createHttpMetrics({ registry, routes: routes.templates });
  const logger = createJsonLogger({ base: { service: options.service ?? path.basename(path.resolve(options.dir)) } });
  const health = createHealthResponder({
    ready: options.ready,
    log: (line) => (line.includes("not ready") ? logger.warn({ msg: line }) : logger.info({ msg: line })),
  });
  // Route handlers answered beside Next.js's router when the app asks for it (decision 0114).
  const direct = directLaneWanted(options.dir, env.APP_DIRECT_ROUTES) ? createDirectLane({ dir: options.dir, port: options.port, logger }) : null;
  const server = http.createServer(
    createRequestFront({
      trust,
      routes,
      metrics,
      health,
      logger,
      handle,
      maxBytes,
      renderNonce: nonce,
      compressStatic: createStaticCompressor(),
      compressPages: true,
      direct: direct ?? undefined,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  let metricsServer: MetricsServer | null = null;
  if (options.metricsPort !== undefined) {
    try {
      metricsServer = await startMetricsServer({ port: options.metricsPort, hostname: options.metricsHostname, registry, health });
    } catch (error) {
      server.close();
      throw error;
    }
  }
  return {
    server,
    port,
    metricsPort: metricsServer?.port ?? null,
    close: async () => {
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), metricsServer?.close()]);
    },
  };
}
