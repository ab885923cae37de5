// Runs the production build of the CRM (`next start`) on a test port against a test database.
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { REPO_ROOT, startNextApp } from "@real-estate/http/testing";

export type CrmServer = { port: number; stop: () => Promise<void>; output: () => string };

/** GET with an explicit Host header (Node's fetch does not let one set it). */
export function httpGet(options: {
  port: number;
  host: string;
  path: string;
  headers?: Record<string, string>;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: options.port, path: options.path, method: "GET", headers: { host: options.host, ...options.headers } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** `env`: further environment for the server (e.g. AUTH_PROVIDER=clerk and its settings). */
export async function startCrmServer(options: { port: number; databaseUrl: string; readyHost: string; env?: Record<string, string> }): Promise<CrmServer> {
  // The server's output is kept for failure messages and written to test-artifacts/crm/.
  const server = await startNextApp({
    app: "crm",
    label: "crm-tests",
    port: options.port,
    serveArgs: ["-H", "127.0.0.1"],
    // Links in e-mails (and the invitation link shown once) are built on the platform's CRM port, not the request's: this server's.
    env: {
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
      PUBLIC_CRM_PORT: String(options.port),
      ...options.env,
    },
    logFile: path.join(REPO_ROOT, "test-artifacts", "crm", `server-${options.port}.log`),
    ready: (port) => httpGet({ port, host: options.readyHost, path: "/sign-in" }).then((r) => r.status === 200),
  });
  return { port: server.port, stop: server.stop, output: server.output };
}

/** Signs in as a browser would, on the running server itself (email and password): its session cookie. */
export function signInOnServer(options: { port: number; host: string; email: string; password: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: options.port,
        path: "/api/auth/sign-in/email",
        method: "POST",
        headers: { host: options.host, origin: `http://${options.host}`, "content-type": "application/json" },
      },
      (res) => {
        res.resume();
        const cookies = (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!);
        if (res.statusCode !== 200 || cookies.length === 0) reject(new Error(`sign-in answered ${res.statusCode}`));
        else resolve(cookies.join("; "));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ email: options.email, password: options.password }));
  });
}
