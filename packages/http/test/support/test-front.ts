// The app server's request front around a test handler, on a loopback port: a build manifest
// with the static `pages` and `routeHandlers` given (plus `extraRoutes`), fresh metrics, a memory
// logger (its entries in `logs`), no trusted proxy unless `trust` says otherwise, and whatever else
// of the front's options the test sets.
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createHealthResponder, createMemoryLogger, createRequestFront, parseTrustSettings, type AppHandler } from "../../src/serve";
import { createHttpMetrics, createMetricsRegistry, loadRouteMatcher } from "../../src/metrics";

type FrontOptions = Parameters<typeof createRequestFront>[0];

export type TestFront = { server: http.Server; port: number; logs: ReturnType<typeof createMemoryLogger>["entries"]; close: () => Promise<void> };

export async function startTestFront(
  options: { handle: AppHandler; trust?: Record<string, string>; extraRoutes?: string[]; pages?: string[]; routeHandlers?: string[] } & Partial<
    Pick<FrontOptions, "renderNonce" | "compressStatic" | "compressPages" | "maxBytes" | "direct"> & { dir?: string }
  >,
): Promise<TestFront> {
  const { handle, trust, extraRoutes, pages = [], routeHandlers = [], dir: builtDir, ...rest } = options;
  const dir = builtDir ?? writeManifests(pages, routeHandlers);
  const routes = loadRouteMatcher({ dir, extraRoutes });
  const registry = createMetricsRegistry();
  const logger = createMemoryLogger({ service: "test" });
  const front = createRequestFront({
    trust: parseTrustSettings(trust ?? {}),
    routes,
    metrics: createHttpMetrics({ registry, routes: routes.templates }),
    health: createHealthResponder({ log: () => {} }),
    logger,
    handle,
    ...rest,
  });
  const server = http.createServer(front);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    logs: logger.entries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One request exactly as written (any method; the target is not normalised on the way), over a raw socket to `port`: its status, lower-cased head and body (as sent, chunked or not). */
export function rawRequest(port: number, method: string, target: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (c: string) => (text += c));
    socket.on("error", reject);
    socket.on("end", () => {
      const [head = "", body = ""] = text.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head: head.toLowerCase(), body });
    });
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: a.localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
}

/** A build folder with the routes manifests of the static `pages` and `routeHandlers`. */
function writeManifests(pages: string[], routeHandlers: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "test-front-"));
  fs.mkdirSync(path.join(dir, ".next"));
  // Static routes as Next.js writes them, and which app path serves each (`…/page` or `…/route`).
  const staticRoutes = [...pages, ...routeHandlers].map((page) => ({ page, regex: `^${page.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}(?:/)?$` }));
  fs.writeFileSync(path.join(dir, ".next", "routes-manifest.json"), JSON.stringify({ staticRoutes, dynamicRoutes: [] }));
  const appPaths = Object.fromEntries([...pages.map((p) => [`${p}/page`, p]), ...routeHandlers.map((p) => [`${p}/route`, p])]);
  fs.writeFileSync(path.join(dir, ".next", "app-path-routes-manifest.json"), JSON.stringify(appPaths));
  return dir;
}
