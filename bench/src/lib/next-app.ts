// Production builds of the Next.js apps, started by the bench on its own ports.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { log, SkipError } from "./context";
import { httpRequest } from "./http";
import { REPO_ROOT } from "./paths";
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

/**
 * Makes sure the app has a current production build (`next build` through turbo), serialised
 * with anyone else building the same app on this machine (same lock file as the test suites).
 */
export function ensureBuilt(app: AppName, options: { rebuild: boolean; requiredFiles?: string[] }): void {
  if (!fs.existsSync(path.join(appDir(app), "app"))) throw new SkipError(`apps/${app} has no Next.js app yet`);
  for (const f of options.requiredFiles ?? []) {
    if (!fs.existsSync(path.join(appDir(app), f))) throw new SkipError(`apps/${app}/${f} has not landed`);
  }
  if (!options.rebuild && buildIsCurrent(app)) return;
  log(`building apps/${app} (next build)...`);
  const started = performance.now();
  const r = spawnSync("flock", [`/tmp/re-next-build-${app}.lock`, "npx", "turbo", "run", "build", `--filter=@real-estate/${app}`, "--output-logs=errors-only"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    timeout: 600_000,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error(`building apps/${app} failed (exit ${r.status})`);
  log(`built apps/${app} in ${Math.round((performance.now() - started) / 1000)} s`);
}

export type NextServer = Started & { port: number };

/** `next start` on 127.0.0.1:<port> against a bench database; waits until `probePath` answers. */
export async function startNextServer(options: {
  app: AppName;
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  probeHost: string;
  probePath: string;
}): Promise<NextServer> {
  const nextBin = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
  const started = startProcess(`${options.app}-server`, process.execPath, [nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: appDir(options.app),
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: options.databaseUrl, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
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
