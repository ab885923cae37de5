// Runs the production build of the CRM (`next start`) on a test port against a test database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "../..");
const repoRoot = path.resolve(appDir, "../..");
/** Other test suites and benches build apps/crm under this lock too (flock). */
const BUILD_LOCK = "/tmp/re-next-build-crm.lock";

/**
 * A private copy of the CRM's production build (under test-artifacts/, at the same depth as the
 * app so module resolution is unchanged), taken under a shared build lock: a rebuild of
 * apps/crm by someone else while our server runs cannot pull files from under it. Builds first
 * (with turbo, under the exclusive lock) when there is no build at all.
 */
export function snapshotBuild(): string {
  const buildIdFile = path.join(appDir, ".next", "BUILD_ID");
  if (!fs.existsSync(buildIdFile)) {
    const r = spawnSync("flock", [BUILD_LOCK, "npx", "turbo", "run", "build", "--filter=@real-estate/crm", "--output-logs=errors-only"], { cwd: repoRoot, encoding: "utf8", timeout: 600_000 });
    if (r.status !== 0) throw new Error(`building apps/crm failed:\n${r.stdout}\n${r.stderr}`);
  }
  const dest = path.join(repoRoot, "test-artifacts", `crm-build-${process.pid}`);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const script = `test -f .next/BUILD_ID && tar -cf - --exclude=.next/cache --exclude=.next/trace --exclude=.next/lock --exclude=.next/diagnostics package.json next.config.ts .next | tar -C '${dest}' -xf -`;
  const r = spawnSync("flock", ["-s", BUILD_LOCK, "sh", "-c", script], { cwd: appDir, encoding: "utf8", timeout: 300_000 });
  if (r.status !== 0 || !fs.existsSync(path.join(dest, ".next", "BUILD_ID"))) {
    throw new Error(`could not copy the apps/crm build (run \`npm run build -w @real-estate/crm\`): ${r.stderr}`);
  }
  return dest;
}

export type CrmServer = { port: number; stop: () => Promise<void>; output: () => string };

/** GET with an explicit Host header (Node's fetch does not let one set it). */
export function httpGet(options: { port: number; host: string; path: string; headers?: Record<string, string> }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: options.port, path: options.path, method: "GET", headers: { host: options.host, ...options.headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

export async function startCrmServer(options: { port: number; databaseUrl: string; readyHost: string }): Promise<CrmServer> {
  const buildDir = snapshotBuild();
  let log = "";
  const child: ChildProcess = spawn(process.execPath, [path.resolve(appDir, "../../node_modules/next/dist/bin/next"), "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: buildDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The server's output is kept for failure messages and written to test-artifacts/crm/.
  const logFile = path.join(repoRoot, "test-artifacts", "crm", `server-${options.port}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, "");
  const append = (d: Buffer) => {
    log += d;
    fs.appendFileSync(logFile, d);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const stop = async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
    fs.rmSync(buildDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
    const ok = await httpGet({ port: options.port, host: options.readyHost, path: "/sign-in" }).then((r) => r.status === 200, () => false);
    if (ok) return { port: options.port, stop, output: () => log };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer within 60 s:\n${log}`);
}
