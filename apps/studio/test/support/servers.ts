// Production Next.js servers (next start) for the studio's integration and browser tests.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");
const NEXT_BIN = path.join(REPO_ROOT, "node_modules/next/dist/bin/next");

export type RunningServer = { name: string; url: string; port: number; stop: () => Promise<void>; output: () => string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "0.0.0.0", () => probe.close(() => resolve(true)));
  });
}

/** The first free ports in the studio's test range (3300-3399). */
export async function freePorts(count: number, from = 3300, to = 3399): Promise<number[]> {
  const ports: number[] = [];
  for (let p = from; p <= to && ports.length < count; p++) if (await portIsFree(p)) ports.push(p);
  if (ports.length < count) throw new Error(`no ${count} free ports between ${from} and ${to}`);
  return ports;
}

/**
 * A private copy of apps/<app>'s production build, taken under the shared build lock that the
 * other suites use (flock /tmp/re-next-build-<app>.lock: exclusive to build, shared to copy), so
 * that someone rebuilding the app while our server runs cannot pull files from under it. It sits
 * at the same depth below the repository as the app, so module resolution is unchanged.
 * Builds first (exclusive lock) when there is no build at all.
 */
function snapshotBuild(app: "studio" | "web"): string {
  const appDir = path.join(REPO_ROOT, "apps", app);
  const lock = `/tmp/re-next-build-${app}.lock`;
  if (!fs.existsSync(path.join(appDir, ".next", "BUILD_ID"))) {
    const r = spawnSync("flock", [lock, "npx", "turbo", "run", "build", `--filter=@real-estate/${app}`, "--output-logs=errors-only"], { cwd: REPO_ROOT, encoding: "utf8", timeout: 900_000 });
    if (r.status !== 0) throw new Error(`building apps/${app} failed:\n${r.stdout}\n${r.stderr}`);
  }
  const artifacts = path.join(REPO_ROOT, "test-artifacts");
  // Copies left by killed runs (their process is gone) are removed.
  for (const name of fs.existsSync(artifacts) ? fs.readdirSync(artifacts) : []) {
    const pid = Number(/^(?:studio|web)-build-studio-tests-(\d+)$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) fs.rmSync(path.join(artifacts, name), { recursive: true, force: true });
  }
  const dest = path.join(artifacts, `${app}-build-studio-tests-${process.pid}`);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const parts = ["package.json", "next.config.ts", ...(fs.existsSync(path.join(appDir, "public")) ? ["public"] : []), ".next"].join(" ");
  const script = `test -f .next/BUILD_ID && tar -cf - --exclude=.next/cache --exclude=.next/trace --exclude=.next/lock --exclude=.next/diagnostics ${parts} | tar -C '${dest}' -xf -`;
  const r = spawnSync("flock", ["-s", lock, "sh", "-c", script], { cwd: appDir, encoding: "utf8", timeout: 300_000 });
  if (r.status !== 0 || !fs.existsSync(path.join(dest, ".next", "BUILD_ID"))) throw new Error(`could not copy the apps/${app} build: ${r.stderr}`);
  return dest;
}

/** Starts `next start` on a snapshot of apps/<app>'s build and waits until it answers HTTP. */
export async function startNextServer(options: { app: "studio" | "web"; port: number; env: Record<string, string> }): Promise<RunningServer> {
  const cwd = snapshotBuild(options.app);
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(options.port)], {
    cwd,
    env: { ...process.env, ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(cwd, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`apps/${options.app} exited (${child.exitCode}):\n${output}`);
    }
    const ok = await fetch(`${url}/__ready`, { redirect: "manual", signal: AbortSignal.timeout(2_000) }).then(() => true, () => false);
    if (ok) return { name: options.app, url, port: options.port, stop, output: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`apps/${options.app} did not answer within 60 s:\n${output}`);
}
