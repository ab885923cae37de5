// Runs the production build (.next) with `next start` for end-to-end tests, and talks to it
// over HTTP with any Host header (fetch cannot set Host; node:http can).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

export const WEB_DIR = path.resolve(import.meta.dirname, "../..");
export const REPO_DIR = path.resolve(WEB_DIR, "../..");

export type WebServer = { port: number; logs: () => string; stop: () => Promise<void> };

export type HttpResult = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function httpRequest(port: number, host: string, pathName: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<HttpResult> {
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

/** Other suites and benches build apps/web under this lock (flock): exclusive to build, shared to copy. */
const BUILD_LOCK = "/tmp/re-next-build-web.lock";

function ensureBuilt(): void {
  // Someone else may be building right now (their build holds the lock, or its output is half
  // written): wait for the lock, build only if there is still no build, retry a few times.
  for (let attempt = 1; attempt <= 6; attempt++) {
    const script = "test -f apps/web/.next/BUILD_ID || npx turbo run build --filter=@real-estate/web --output-logs=errors-only";
    const r = spawnSync("flock", [BUILD_LOCK, "sh", "-c", script], { cwd: REPO_DIR, encoding: "utf8", timeout: 600_000 });
    if (r.status === 0 && fs.existsSync(path.join(WEB_DIR, ".next", "BUILD_ID"))) return;
    if (attempt === 6) throw new Error(`building apps/web failed:\n${r.stdout}\n${r.stderr}`);
    spawnSync("sleep", ["10"]);
  }
}

/**
 * A private copy of the production build (under test-artifacts/, at the same depth below the
 * repository as the app, so module resolution is unchanged), taken under the shared build lock:
 * someone rebuilding apps/web while our server runs cannot pull files from under it. Builds
 * first (under the exclusive lock) when there is no build at all.
 */
function snapshotBuild(): string {
  const dest = path.join(REPO_DIR, "test-artifacts", `web-build-${process.pid}`);
  const script = `test -f .next/BUILD_ID && tar -cf - --exclude=.next/cache --exclude=.next/trace --exclude=.next/lock --exclude=.next/diagnostics package.json next.config.ts public .next | tar -C '${dest}' -xf -`;
  let stderr = "";
  for (let attempt = 1; attempt <= 3; attempt++) {
    ensureBuilt();
    fs.rmSync(dest, { recursive: true, force: true });
    fs.mkdirSync(dest, { recursive: true });
    const r = spawnSync("flock", ["-s", BUILD_LOCK, "sh", "-c", script], { cwd: WEB_DIR, encoding: "utf8", timeout: 300_000 });
    if (r.status === 0 && fs.existsSync(path.join(dest, ".next", "BUILD_ID"))) return dest;
    stderr = r.stderr;
  }
  throw new Error(`could not copy the apps/web build (run \`npm run build -w @real-estate/web\`): ${stderr}`);
}

export async function startWebServer(options: { port: number; env: Record<string, string> }): Promise<WebServer> {
  const buildDir = snapshotBuild();
  const nextBin = path.join(REPO_DIR, "node_modules", "next", "dist", "bin", "next");
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(options.port)], {
    cwd: buildDir,
    env: { ...process.env, NODE_ENV: "production", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  // The server's output is kept for failure messages and in test-artifacts/web/server-<port>.log.
  const logFile = path.join(REPO_DIR, "test-artifacts", "web", `server-${options.port}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, "");
  const append = (c: Buffer) => {
    output += c;
    fs.appendFileSync(logFile, c);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    fs.rmSync(buildDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      fs.rmSync(buildDir, { recursive: true, force: true });
      throw new Error(`next start exited early:\n${output}`);
    }
    const ok = await httpRequest(options.port, "readiness.invalid", "/").then((r) => r.status === 404).catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port: options.port, logs: () => output, stop };
}
