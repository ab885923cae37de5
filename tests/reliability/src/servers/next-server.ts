// Production builds of the Next.js apps, started on a port of our range against a test database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { appBuildIsCurrent, copyAppBuild, ensureAppBuilt } from "@real-estate/http/testing";
import type { AppName } from "../inventory/route-inventory";
import { ARTIFACTS_DIR, REPO_ROOT } from "../report/summary";
import { allocatePort } from "./ports";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the app with turbo unless its build is current (or, with RELIABILITY_SKIP_BUILD=1, unless
 * it has one), through the shared harness: serialised per app with flock, waiting for anyone
 * else's build of it.
 */
export function ensureBuilt(app: AppName): void {
  if (!fs.existsSync(path.join(REPO_ROOT, "apps", app, "package.json")) || !fs.existsSync(path.join(REPO_ROOT, "apps", app, "app"))) {
    throw new Error(`apps/${app} has no Next.js app yet`);
  }
  ensureAppBuilt(app, { when: process.env.RELIABILITY_SKIP_BUILD === "1" ? "missing" : "stale" });
}

/** Drops copies of older builds of the app (an hour unused), so they do not pile up. */
function removeOldSnapshots(app: AppName, keep: string): void {
  const dir = path.join(REPO_ROOT, "test-artifacts");
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (!name.startsWith(`rel-${app}-`) || full === keep) continue;
    if (Date.now() - fs.statSync(full).mtimeMs > 3_600_000) fs.rmSync(full, { recursive: true, force: true });
  }
}

/**
 * A copy of the app's production build (without its cache) in a folder of our own, one per build
 * id, so a rebuild of apps/<app> by someone else while our server runs cannot pull files from
 * under it. The copy sits at the same depth below the repository root as the app, so module
 * resolution (node_modules, serverExternalPackages) is unchanged.
 */
export async function snapshotBuild(app: AppName): Promise<string> {
  const prepared = runBuilds()[app];
  if (prepared && fs.existsSync(path.join(prepared, ".next", "BUILD_ID"))) return prepared;
  const tmp = path.join(REPO_ROOT, "test-artifacts", `rel-${app}.tmp-${process.pid}`);
  for (let attempt = 0; attempt < 20; attempt++) {
    ensureBuilt(app);
    const buildId = copyAppBuild(app, tmp);
    if (!buildId) {
      await sleep(5_000);
      continue; // someone removed or replaced the build meanwhile
    }
    const dest = path.join(REPO_ROOT, "test-artifacts", `rel-${app}-${buildId}`);
    if (fs.existsSync(path.join(dest, ".next", "BUILD_ID"))) {
      fs.rmSync(tmp, { recursive: true, force: true });
      return dest;
    }
    fs.renameSync(tmp, dest);
    removeOldSnapshots(app, dest);
    return dest;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  throw new Error(`apps/${app}: could not take a consistent copy of its build`);
}

/** The copies of the builds this run uses (set by the global setup, inherited by the test workers). */
function runBuilds(): Partial<Record<AppName, string>> {
  try {
    return JSON.parse(process.env.RELIABILITY_BUILDS ?? "{}") as Partial<Record<AppName, string>>;
  } catch {
    return {};
  }
}

/**
 * Once per run, before any file starts a server: builds every app whose build is not current
 * in one turbo run (apps build in parallel; each app's build lock held, as other suites take
 * it), then takes one copy of each build for the whole run. Every server of the run starts
 * from these copies, so sources edited by someone else during the run cause no rebuild.
 */
export async function prepareBuilds(apps: AppName[]): Promise<Partial<Record<AppName, string>>> {
  delete process.env.RELIABILITY_BUILDS;
  const stale = process.env.RELIABILITY_SKIP_BUILD === "1" ? [] : apps.filter((a) => !appBuildIsCurrent(a));
  if (stale.length) {
    const locks = stale.flatMap((a) => ["flock", `/tmp/re-next-build-${a}.lock`]);
    const [cmd, ...args] = [...locks, "npx", "turbo", "run", "build", ...stale.map((a) => `--filter=./apps/${a}`), "--output-logs=errors-only"];
    const r = spawnSync(cmd!, args, { cwd: REPO_ROOT, encoding: "utf8", timeout: 900_000, env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } });
    // A concurrent build by someone else is waited for per app by ensureBuilt; other failures surface there too.
    if (r.status !== 0) console.warn(`reliability: building ${stale.join(", ")} did not finish cleanly; retrying per app`);
  }
  const builds: Partial<Record<AppName, string>> = {};
  for (const app of apps) builds[app] = await snapshotBuild(app);
  process.env.RELIABILITY_BUILDS = JSON.stringify(builds);
  return builds;
}

export type RunningServer = {
  app: AppName;
  port: number;
  origin: string;
  logFile: string;
  child: ChildProcess;
  stop: () => Promise<void>;
};

/**
 * Waits until the server answers and its own log says it listens (real-estate-serve's "ready on"
 * line, written once its listen succeeded): another test file's server that took the port first
 * answers too, while ours exits with EADDRINUSE, and must not be taken for ours.
 */
async function waitForHttp(origin: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if (fs.readFileSync(logFile, "utf8").includes(" ready on http://")) {
        await fetch(`${origin}/`, { signal: AbortSignal.timeout(2_000), redirect: "manual" });
        return;
      }
    } catch {
      // not answering yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${origin} did not answer within ${timeoutMs} ms; see ${logFile}`);
}

/** The app server (real-estate-serve) over the app's production build on a port in 3500-3599 (requests go to 127.0.0.1). */
export async function startNextServer(options: { app: AppName; databaseUrl: string; env?: Record<string, string>; label?: string }): Promise<RunningServer> {
  const buildDir = await snapshotBuild(options.app);
  // Test files run two at a time, each in its own process: another one may take the port between
  // our check and the server's listen. Then the server exits with EADDRINUSE: try another port.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(options, buildDir);
    } catch (error) {
      if (attempt >= 3 || !(error as { addressInUse?: boolean }).addressInUse) throw error;
    }
  }
}

async function startOnFreePort(
  options: { app: AppName; databaseUrl: string; env?: Record<string, string>; label?: string },
  buildDir: string,
): Promise<RunningServer> {
  const port = await allocatePort();
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = path.join(ARTIFACTS_DIR, `${options.app}-${options.label ?? "server"}-${port}.log`);
  const log = fs.openSync(logFile, "w");
  // The app server the apps run behind in production (packages/http): the client's address comes
  // from the socket, forwarding headers count only with TRUST_PROXY.
  const serveBin = path.join(REPO_ROOT, "packages", "http", "bin", "real-estate-serve.mjs");
  // No -H (as the apps' own start scripts): Next.js 16 rewrites 127.0.0.1 to "localhost" in the
  // URLs proxy.ts sees, but compares rewrites with the -H address, so with -H 127.0.0.1 every
  // proxy rewrite counts as external and is proxied over HTTP to itself (a 500 when the request
  // says X-Forwarded-Proto: https). Requests still go to 127.0.0.1 only.
  const child = spawn(process.execPath, [serveBin, buildDir, "-p", String(port)], {
    cwd: buildDir,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: options.databaseUrl, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    stdio: ["ignore", log, log],
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          try {
            if (child.pid) process.kill(-child.pid, "SIGKILL");
          } catch {
            // gone
          }
          resolve();
        }, 5_000);
        child.once("exit", () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    fs.closeSync(log);
  };
  try {
    await waitForHttp(origin, child, 60_000, logFile);
  } catch (error) {
    await stop();
    const addressInUse = fs.readFileSync(logFile, "utf8").includes("EADDRINUSE");
    throw Object.assign(error as Error, { addressInUse });
  }
  return { app: options.app, port, origin, logFile, child, stop };
}
