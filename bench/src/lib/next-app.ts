// Production builds of the Next.js apps, started by the bench on its own ports.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { appBuildIsCurrent, copyAppBuild, ensureAppBuilt } from "@real-estate/http/testing";
import { serverNodeFlags } from "@real-estate/http/node-flags";
import { log, SkipError } from "./context";
import { httpRequest } from "./http";
import { BENCH_DIR, REPO_ROOT } from "./paths";
import { startProcess, tailLog, type Started } from "./processes";
import { sleep } from "./stats";

export type AppName = "web" | "crm";

const appDir = (app: AppName) => path.join(REPO_ROOT, "apps", app);

/**
 * The web app is built for the bench with BENCH_ROUTES=1 (see apps/web/next.config.ts): into its
 * own folder and with the benchmark-only routes, which production builds never contain.
 */
const distDir = (app: AppName) => (app === "web" ? ".next-bench" : ".next");
const buildEnv = (app: AppName): Record<string, string> => (app === "web" ? { BENCH_ROUTES: "1" } : {});

/** Files the bench serves from the app's public folder (its static baseline), kept in bench/static. */
const BENCH_PUBLIC_FILES: Record<AppName, { from: string; to: string }[]> = {
  web: [{ from: "static/bench.html", to: "public/static/bench.html" }],
  crm: [],
};

/** The private copy of each app's build this run serves (taken right after the build check). */
const snapshots = new Map<AppName, string>();

/**
 * Makes sure the app has a current production build (`next build` through turbo, by the shared
 * harness: serialised with anyone else building the same app on this machine, same lock file as
 * the test suites), then takes this run's copy of it.
 */
export function ensureBuilt(app: AppName, options: { rebuild: boolean; requiredFiles?: string[] }): void {
  if (!fs.existsSync(path.join(appDir(app), "app"))) throw new SkipError(`apps/${app} has no Next.js app yet`);
  for (const f of options.requiredFiles ?? []) {
    if (!fs.existsSync(path.join(appDir(app), f))) throw new SkipError(`apps/${app}/${f} has not landed`);
  }
  // Once per run: other people editing the tree must not trigger a second build mid-run.
  if (snapshots.has(app)) return;
  const flavour = { distDir: distDir(app), env: buildEnv(app) };
  const fresh = !options.rebuild && appBuildIsCurrent(app, flavour.distDir);
  const started = performance.now();
  if (!fresh) log(`building apps/${app} (next build)...`);
  ensureAppBuilt(app, { ...flavour, when: options.rebuild ? "always" : "stale" });
  if (!fresh) log(`built apps/${app} in ${Math.round((performance.now() - started) / 1000)} s`);
  snapshots.set(app, snapshotBuild(app));
}

/**
 * Copies the app's production build (without its cache) into bench/.build-<app>-<buildId>, with
 * the bench's own public files, so a rebuild of apps/<app> by someone else during the run cannot
 * change files under our server. The copy sits at the same depth below the repository root as the
 * app, so module resolution is unchanged. Older copies are removed.
 */
function snapshotBuild(app: AppName): string {
  const tmp = path.join(BENCH_DIR, `.build-${app}.tmp`);
  for (let attempt = 0; attempt < 5; attempt++) {
    const buildId = copyAppBuild(app, tmp, distDir(app));
    if (!buildId) {
      // Someone else's build of this app is writing it: let theirs finish, then copy again.
      ensureAppBuilt(app, { distDir: distDir(app), env: buildEnv(app) });
      continue;
    }
    const dest = path.join(BENCH_DIR, `.build-${app}-${buildId}`);
    for (const old of fs.readdirSync(BENCH_DIR)) {
      if (old.startsWith(`.build-${app}-`) && path.join(BENCH_DIR, old) !== dest) fs.rmSync(path.join(BENCH_DIR, old), { recursive: true, force: true });
    }
    for (const f of BENCH_PUBLIC_FILES[app]) {
      fs.mkdirSync(path.dirname(path.join(tmp, f.to)), { recursive: true });
      fs.copyFileSync(path.join(BENCH_DIR, f.from), path.join(tmp, f.to));
    }
    fs.rmSync(dest, { recursive: true, force: true });
    fs.renameSync(tmp, dest);
    return dest;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  throw new Error(`apps/${app}: its build kept changing while it was copied`);
}

export type NextServer = Started & { port: number };

/**
 * `next start` of a private copy of the app's production build on `port`, against a bench
 * database; waits until `probePath` answers. Requests go to 127.0.0.1 only. No -H: with it,
 * Next.js 16 treats proxy.ts rewrites (built from request.url, host "localhost") as external
 * and proxies them to itself.
 */
const benchSecrets = { auth: crypto.randomBytes(32).toString("base64url"), internal: crypto.randomBytes(32).toString("base64url") };

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
  // The app server the apps run behind in production (packages/http).
  const serveBin = path.join(REPO_ROOT, "packages", "http", "bin", "real-estate-serve.mjs");
  // The app's own node flags, as it ships (`serverNodeFlags` in its package.json, decision 0070);
  // for a comparison, BENCH_SERVER_NODE_FLAGS="<flags>" replaces them ("" for none).
  const override = process.env.BENCH_SERVER_NODE_FLAGS;
  const nodeFlags = override !== undefined ? override.split(/\s+/).filter(Boolean) : serverNodeFlags(appDir(options.app));
  if (nodeFlags.length > 0) log(`apps/${options.app} server node flags: ${nodeFlags.join(" ")}`);
  const started = startProcess(`${options.app}-server`, process.execPath, [...nodeFlags, serveBin, buildDir, "-p", String(options.port)], {
    cwd: buildDir,
    env: {
      ...process.env,
      ...buildEnv(options.app),
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      NEXT_TELEMETRY_DISABLED: "1",
      // A production server refuses to start without its secrets: this run's own.
      BETTER_AUTH_SECRET: benchSecrets.auth,
      INTERNAL_API_TOKEN: benchSecrets.internal,
      // BENCH_SERVER_CPU_PROF=<folder>: the app server writes a V8 CPU profile there when stopped.
      ...(process.env.BENCH_SERVER_CPU_PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(process.env.BENCH_SERVER_CPU_PROF)}` } : {}),
      ...options.env,
    },
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
