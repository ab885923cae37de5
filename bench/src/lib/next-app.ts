// Production builds of the Next.js apps, started by the bench on its own ports.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { log, SkipError } from "./context";
import { httpRequest } from "./http";
import { BENCH_DIR, REPO_ROOT } from "./paths";
import { startProcess, tailLog, type Started } from "./processes";
import { sleep } from "./stats";

export type AppName = "web" | "crm";

const appDir = (app: AppName) => path.join(REPO_ROOT, "apps", app);
const SKIP = /^(node_modules|\.next|\.turbo|test|tests|generated)$|\.test\.tsx?$/;

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.test(e.name)) continue;
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when .next/BUILD_ID is newer than the app's sources and the packages it imports. */
function buildIsCurrent(app: AppName): boolean {
  const buildId = path.join(appDir(app), ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const sources = Math.max(newestMtime(appDir(app)), ...["db", "types", "auth"].map((p) => newestMtime(path.join(REPO_ROOT, "packages", p, "src"))));
  return sources <= fs.statSync(buildId).mtimeMs;
}

/** The private copy of each app's build this run serves (taken right after the build check). */
const snapshots = new Map<AppName, string>();

/**
 * Makes sure the app has a current production build (`next build` through turbo), serialised
 * with anyone else building the same app on this machine (same lock file as the test suites).
 */
export function ensureBuilt(app: AppName, options: { rebuild: boolean; requiredFiles?: string[] }): void {
  if (!fs.existsSync(path.join(appDir(app), "app"))) throw new SkipError(`apps/${app} has no Next.js app yet`);
  for (const f of options.requiredFiles ?? []) {
    if (!fs.existsSync(path.join(appDir(app), f))) throw new SkipError(`apps/${app}/${f} has not landed`);
  }
  // Once per run: other people editing the tree must not trigger a second build mid-run.
  if (snapshots.has(app)) return;
  if (!options.rebuild && buildIsCurrent(app)) return void snapshots.set(app, snapshotBuild(app));
  log(`building apps/${app} (next build)...`);
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync("flock", [`/tmp/re-next-build-${app}.lock`, "npx", "turbo", "run", "build", `--filter=@real-estate/${app}`, "--output-logs=errors-only"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 600_000,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", NO_COLOR: "1" },
    });
    if (r.status === 0) break;
    const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
    // Someone else's `next build` of the same app (without the lock): wait for it and retry.
    if (/Another next build process is already running/.test(output) && attempt < 10) {
      spawnSync("sleep", ["15"]);
      continue;
    }
    throw new Error(`building apps/${app} failed (exit ${r.status}):\n${output.split("\n").slice(-30).join("\n")}`);
  }
  log(`built apps/${app} in ${Math.round((performance.now() - started) / 1000)} s`);
  snapshots.set(app, snapshotBuild(app));
}

/** Waits (at most 5 min) for a build of the app holding the shared build lock, then 5 s more. */
function waitForOthersBuild(app: AppName): void {
  log(`apps/${app}/.next has no BUILD_ID (someone is building it); waiting...`);
  spawnSync("flock", ["-w", "300", `/tmp/re-next-build-${app}.lock`, "true"], { timeout: 310_000 });
  spawnSync("sleep", ["5"]);
}

/**
 * Copies the app's production build (without its cache) into bench/.build-<app>-<buildId>, so a
 * rebuild of apps/<app> by someone else during the run cannot change files under our server.
 * The copy sits at the same depth below the repository root as the app, so module resolution
 * is unchanged. Older copies are removed.
 */
function snapshotBuild(app: AppName): string {
  const src = appDir(app);
  for (let attempt = 0; attempt < 5; attempt++) {
    const buildIdFile = path.join(src, ".next", "BUILD_ID");
    // Someone else's `next build` of this app is writing .next: wait for their build lock.
    if (!fs.existsSync(buildIdFile)) waitForOthersBuild(app);
    if (!fs.existsSync(buildIdFile)) continue;
    const buildId = fs.readFileSync(buildIdFile, "utf8").trim();
    const dest = path.join(BENCH_DIR, `.build-${app}-${buildId}`);
    for (const old of fs.readdirSync(BENCH_DIR)) {
      if (old.startsWith(`.build-${app}-`) && path.join(BENCH_DIR, old) !== dest) fs.rmSync(path.join(BENCH_DIR, old), { recursive: true, force: true });
    }
    if (fs.existsSync(path.join(dest, ".next", "BUILD_ID"))) return dest;
    const tmp = `${dest}.tmp`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    for (const f of ["package.json", "next.config.ts", "public"]) {
      if (fs.existsSync(path.join(src, f))) fs.cpSync(path.join(src, f), path.join(tmp, f), { recursive: true });
    }
    try {
      fs.cpSync(path.join(src, ".next"), path.join(tmp, ".next"), { recursive: true, filter: (p) => !/[\\/]\.next[\\/](cache|trace|lock|diagnostics)/.test(p) });
    } catch {
      continue; // the build changed while copying
    }
    if (fs.readFileSync(path.join(src, ".next", "BUILD_ID"), "utf8").trim() !== buildId) continue;
    fs.rmSync(dest, { recursive: true, force: true });
    fs.renameSync(tmp, dest);
    return dest;
  }
  throw new Error(`apps/${app}: its build kept changing while it was copied`);
}

export type NextServer = Started & { port: number };

/**
 * `next start` of a private copy of the app's production build on `port`, against a bench
 * database; waits until `probePath` answers. Requests go to 127.0.0.1 only. No -H: with it,
 * Next.js 16 treats proxy.ts rewrites (built from request.url, host "localhost") as external
 * and proxies them to itself.
 */
export async function startNextServer(options: {
  app: AppName;
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  probeHost: string;
  probePath: string;
}): Promise<NextServer> {
  const buildDir = snapshots.get(options.app);
  if (!buildDir) throw new Error(`apps/${options.app}: ensureBuilt() was not called before startNextServer()`);
  const nextBin = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
  const started = startProcess(`${options.app}-server`, process.execPath, [nextBin, "start", buildDir, "-p", String(options.port)], {
    cwd: buildDir,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: options.databaseUrl, PORT: String(options.port), NEXT_TELEMETRY_DISABLED: "1", ...options.env },
  });
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (started.child.exitCode !== null) throw new Error(`apps/${options.app} exited (code ${started.child.exitCode}):\n${tailLog(started.logPath)}`);
    try {
      await httpRequest({ port: options.port, host: options.probeHost, path: options.probePath, timeoutMs: 5_000 });
      return { ...started, port: options.port };
    } catch {
      if (performance.now() > deadline) {
        await started.stop();
        throw new Error(`apps/${options.app} did not answer on port ${options.port} within 60 s:\n${tailLog(started.logPath)}`);
      }
      await sleep(250);
    }
  }
}
