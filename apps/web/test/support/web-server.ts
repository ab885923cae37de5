// Runs the production build (.next) behind real-estate-serve, as `npm start` does, for end-to-end tests, and talks to it
// over HTTP with any Host header (fetch cannot set Host; node:http can).
import http from "node:http";
import path from "node:path";
import { startNextApp } from "@real-estate/http/testing";

export const WEB_DIR = path.resolve(import.meta.dirname, "../..");
export const REPO_DIR = path.resolve(WEB_DIR, "../..");

export type WebServer = { port: number; logs: () => string; stop: () => Promise<void> };

export type HttpResult = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function httpRequest(
  port: number,
  host: string,
  pathName: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: pathName, method: options.method ?? "GET", headers: { host, ...(options.headers ?? {}) } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

export async function startWebServer(options: { port: number; env: Record<string, string>; metricsPort?: number }): Promise<WebServer> {
  // As `npm start` runs it: /readyz checks the database and its migrations; metrics on their own port.
  const metricsArgs = options.metricsPort === undefined ? [] : ["--metrics-port", String(options.metricsPort)];
  // The server's output is kept for failure messages and in test-artifacts/web/server-<port>.log.
  const server = await startNextApp({
    app: "web",
    label: "web-tests",
    port: options.port,
    serveArgs: ["--ready", "@real-estate/db/readiness-probe", ...metricsArgs],
    env: options.env,
    logFile: path.join(REPO_DIR, "test-artifacts", "web", `server-${options.port}.log`),
    // An unknown host answers 404 once the app is up.
    ready: (port) => httpRequest(port, "readiness.invalid", "/").then((r) => r.status === 404),
  });
  return { port: server.port, logs: server.output, stop: server.stop };
}
