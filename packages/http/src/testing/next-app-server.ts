// One harness for everything that runs a Next.js app's production build: build it (under the
// app's build lock) when there is none or when it is older than the sources, copy the build to a
// folder of one's own, start the app server the apps run behind in production (real-estate-serve)
// on it, wait until it answers, stop it. The web, CRM and studio suites use all of it; the
// reliability suite and the bench build and copy through it and start their servers their own
// way. Everyone takes the same lock files, so nobody's build is pulled from under a running server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serverNodeFlags } from "../serve/node-flags";

export type NextAppName = "web" | "crm" | "studio";

/** The repository's root (this file is packages/http/src/testing/). */
export const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");
const SERVE_BIN = path.join(REPO_ROOT, "packages", "http", "bin", "real-estate-serve.mjs");

/** The lock everyone building or copying apps/<app> takes (flock): exclusive to build, shared to copy. */
export const buildLockOf = (app: NextAppName) => `/tmp/re-next-build-${app}.lock`;
const appDirOf = (app: NextAppName) => path.join(REPO_ROOT, "apps", app);

/** Which build of an app: its folder inside apps/<app> and the environment it is built with. */
export type AppBuildFlavour = {
  /** Default .next; the bench builds the web app with BENCH_ROUTES=1 into .next-bench. */
  distDir?: string;
  /** The build's environment on top of this process's. */
  env?: Record<string, string>;
};

export type AppBuildOptions = AppBuildFlavour & {
  /** Build when there is no build (default), when the sources are newer than the build, or always once. */
  when?: "missing" | "stale" | "always";
};

const SOURCE_SKIP = /^(node_modules|\.next|\.next-bench|\.turbo|test|tests|generated)$|\.test\.tsx?$/;

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SOURCE_SKIP.test(entry.name)) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether apps/<app> has a build at least as new as its sources and the packages' sources (tests aside). */
export function appBuildIsCurrent(app: NextAppName, distDir = ".next"): boolean {
  const buildId = path.join(appDirOf(app), distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const packages = path.join(REPO_ROOT, "packages");
  const sources = Math.max(newestMtime(appDirOf(app)), ...fs.readdirSync(packages).map((p) => newestMtime(path.join(packages, p, "src"))));
  return sources <= fs.statSync(buildId).mtimeMs;
}

/**
 * Builds apps/<app> (turbo, under the exclusive lock) unless options.when says its build will do.
 * Someone else may be building it right now (their build holds the lock, a `next build` of theirs
 * without the lock runs, or its output is half written): waits, checks again, retries a few times.
 */
export function ensureAppBuilt(app: NextAppName, options: AppBuildOptions = {}): void {
  const distDir = options.distDir ?? ".next";
  const when = options.when ?? "missing";
  const buildId = path.join(appDirOf(app), distDir, "BUILD_ID");
  const build = `npx turbo run build --filter=./apps/${app} --output-logs=errors-only`;
  // "missing" checks again under the lock: whoever held it may have just built the app.
  const script = when === "missing" ? `test -f apps/${app}/${distDir}/BUILD_ID || ${build}` : build;
  for (let attempt = 1; attempt <= 10; attempt++) {
    if (when === "missing" && fs.existsSync(buildId)) return;
    if (when === "stale" && appBuildIsCurrent(app, distDir)) return;
    const r = spawnSync("flock", [buildLockOf(app), "sh", "-c", script], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 900_000,
      env: { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", NO_COLOR: "1" },
    });
    if (r.status === 0 && fs.existsSync(buildId)) return;
    // eslint-disable-next-line no-control-regex
    const output = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.replace(/\u001b\[[0-9;]*m/g, "");
    const someoneElse = /Another next build process is already running/.test(output);
    if (attempt === 10 || (!someoneElse && attempt >= 6)) {
      throw new Error(`building apps/${app} failed (run \`npx turbo run build --filter=./apps/${app}\`):\n${output.split("\n").slice(-40).join("\n")}`);
    }
    spawnSync("sleep", [someoneElse ? "15" : "10"]);
  }
}

/**
 * Copies apps/<app>'s build (without its cache) and what serving it needs (package.json, the Next
 * config, public/) into `dest`, under the shared lock, so no build of ours writes while it is
 * copied. Returns the copy's build id, or null when there was no complete build to copy.
 */
export function copyAppBuild(app: NextAppName, dest: string, distDir = ".next"): string | null {
  const appDir = appDirOf(app);
  const parts = ["package.json", "next.config.ts", "next.config.mjs", "next.config.js", "cache-handler.mjs", "public", distDir].filter((f) =>
    fs.existsSync(path.join(appDir, f)),
  );
  const excluded = ["cache", "trace", "lock", "diagnostics"].map((f) => `--exclude=${distDir}/${f}`).join(" ");
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const script = `test -f ${distDir}/BUILD_ID && tar -cf - ${excluded} ${parts.join(" ")} | tar -C '${dest}' -xf -`;
  const r = spawnSync("flock", ["-s", buildLockOf(app), "sh", "-c", script], { cwd: appDir, encoding: "utf8", timeout: 300_000 });
  const copied = path.join(dest, distDir, "BUILD_ID");
  if (r.status !== 0 || !fs.existsSync(copied)) return null;
  return fs.readFileSync(copied, "utf8").trim();
}

let snapshots = 0;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A private copy of apps/<app>'s production build (test-artifacts/<app>-build-<label>-<pid>-<n>, at
 * the same depth below the repository as the app, so module resolution is unchanged), taken under
 * the shared lock: a rebuild of the app by someone else while our server runs cannot pull files
 * from under it. Builds first when there is no build. Copies left by killed runs are removed.
 */
export function snapshotAppBuild(app: NextAppName, label: string): string {
  const artifacts = path.join(REPO_ROOT, "test-artifacts");
  const prefix = `${app}-build-${label}-`;
  for (const name of fs.existsSync(artifacts) ? fs.readdirSync(artifacts) : []) {
    const pid = name.startsWith(prefix) ? Number(/^(\d+)-\d+$/.exec(name.slice(prefix.length))?.[1]) : NaN;
    if (pid && pid !== process.pid && !isAlive(pid)) fs.rmSync(path.join(artifacts, name), { recursive: true, force: true });
  }
  // One copy per server: a process may run several servers of the same app.
  const dest = path.join(artifacts, `${prefix}${process.pid}-${++snapshots}`);
  for (let attempt = 1; attempt <= 3; attempt++) {
    ensureAppBuilt(app);
    if (copyAppBuild(app, dest)) return dest;
  }
  throw new Error(`could not copy the apps/${app} build`);
}

export type NextAppServer = { app: NextAppName; port: number; url: string; output: () => string; stop: () => Promise<void> };

export type StartNextAppOptions = {
  app: NextAppName;
  /** Names this suite's copies of the build (test-artifacts/<app>-build-<label>-<pid>-<n>). */
  label: string;
  port: number;
  /** The server's environment on top of this process's (NODE_ENV is always production). */
  env?: Record<string, string>;
  /** More real-estate-serve arguments (e.g. `-H 127.0.0.1`, `--ready <module>`, `--metrics-port <n>`). */
  serveArgs?: string[];
  /** Where the server's output is written as well (it is always kept for `output()`). */
  logFile?: string;
  /** True once the server answers as expected; polled every 250 ms. */
  ready: (port: number) => Promise<boolean>;
  /** How long it may take to become ready (default 120 s: a first answer on a busy two-core machine can take that long). */
  readyTimeoutMs?: number;
};

/** Starts real-estate-serve on a private copy of apps/<app>'s build and waits until `ready` says so. */
export async function startNextApp(options: StartNextAppOptions): Promise<NextAppServer> {
  const buildDir = snapshotAppBuild(options.app, options.label);
  // With the app's own node flags, as it ships (decision 0070).
  const nodeFlags = serverNodeFlags(appDirOf(options.app));
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, SERVE_BIN, "-p", String(options.port), ...(options.serveArgs ?? [])], {
    cwd: buildDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(options.port), ...options.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  if (options.logFile) {
    fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
    fs.writeFileSync(options.logFile, "");
  }
  const append = (chunk: Buffer) => {
    output += chunk;
    if (options.logFile) fs.appendFileSync(options.logFile, chunk);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      const group = -child.pid;
      try {
        process.kill(group, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(group, "SIGKILL");
        } catch {
          // gone
        }
      }
    }
    fs.rmSync(buildDir, { recursive: true, force: true });
  };
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`apps/${options.app} exited (${child.exitCode}) before it was ready:\n${output}`);
    }
    if (await options.ready(options.port).catch(() => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`apps/${options.app} did not answer within ${Math.round(timeoutMs / 1000)} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { app: options.app, port: options.port, url: `http://127.0.0.1:${options.port}`, output: () => output, stop };
}
