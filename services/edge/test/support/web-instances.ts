// The website's production build, run as several instances behind the edge for the tests and
// the bench. The build is shared with the web app's own tests (same lock, same folder).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

export const REPO_DIR = path.resolve(import.meta.dirname, "../../../..");
const WEB_DIR = path.join(REPO_DIR, "apps", "web");
/** The lock every suite builds apps/web under (flock): exclusive to build, shared to copy. */
const BUILD_LOCK = "/tmp/re-next-build-web.lock";

export type HttpResult = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function httpRequest(
  port: number,
  host: string,
  pathName: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: pathName, method: options.method ?? "GET", headers: { host, ...(options.headers ?? {}) }, agent: false },
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

/**
 * A private copy of apps/web's production build. The lock (shared by every checkout on the
 * machine) is taken exclusively only to build when there is no build; the copy waits for a
 * running build at most two minutes (the lock may be held for another checkout's build).
 */
export function snapshotWebBuild(tag: string): string {
  const dest = path.join(REPO_DIR, "test-artifacts", `web-build-${tag}-${process.pid}`);
  if (!fs.existsSync(path.join(WEB_DIR, ".next", "BUILD_ID"))) {
    const script = "test -f apps/web/.next/BUILD_ID || npx turbo run build --filter=@real-estate/web --output-logs=errors-only";
    const built = spawnSync("flock", [BUILD_LOCK, "sh", "-c", script], { cwd: REPO_DIR, encoding: "utf8", timeout: 900_000 });
    if (built.status !== 0) throw new Error(`building apps/web failed:\n${built.stdout}\n${built.stderr}`);
  }
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const copy = `tar -cf - --exclude=.next/cache --exclude=.next/trace --exclude=.next/lock --exclude=.next/diagnostics package.json next.config.ts cache-handler.mjs public .next | tar -C '${dest}' -xf -`;
  const r = spawnSync("sh", ["-c", `flock -w 120 -s ${BUILD_LOCK} true; ${copy}`], { cwd: WEB_DIR, encoding: "utf8", timeout: 300_000 });
  if (r.status !== 0 || !fs.existsSync(path.join(dest, ".next", "BUILD_ID"))) throw new Error(`could not copy the apps/web build: ${r.stderr}`);
  return dest;
}

export type AppInstance = { port: number; child: ChildProcess; logs: () => string; stop: () => Promise<void>; kill: () => Promise<void> };

/** One instance of a built app behind the app server (packages/http), like the production profile runs it. */
export async function startInstance(options: { dir: string; port: number; env: Record<string, string> }): Promise<AppInstance> {
  const serveBin = path.join(REPO_DIR, "packages", "http", "bin", "real-estate-serve.mjs");
  const child = spawn(process.execPath, [serveBin, "-p", String(options.port)], {
    cwd: options.dir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, sig);
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  };
  const stop = async () => {
    await signal("SIGTERM");
    await signal("SIGKILL");
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app instance on :${options.port} exited early:\n${output}`);
    // Ready when this process says it listens and the port answers: an answer alone could come
    // from another process on the port (this one then exits with EADDRINUSE).
    if (
      output.includes(`ready on http://localhost:${options.port}`) &&
      (await httpRequest(options.port, "readiness.invalid", "/").then(
        () => true,
        () => false,
      ))
    )
      break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`app instance on :${options.port} did not answer within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port: options.port, child, logs: () => output, stop, kill: () => signal("SIGKILL") };
}
