// Production Next.js servers (next start) for the studio's integration and browser tests.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");
const NEXT_BIN = path.join(REPO_ROOT, "node_modules/next/dist/bin/next");

export type RunningServer = { name: string; url: string; port: number; stop: () => Promise<void>; output: () => string };

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

/** Starts `next start` of apps/<app> and waits until it answers HTTP. The app must be built. */
export async function startNextServer(options: { app: "studio" | "web"; port: number; env: Record<string, string> }): Promise<RunningServer> {
  const cwd = path.join(REPO_ROOT, "apps", options.app);
  if (!fs.existsSync(path.join(cwd, ".next", "BUILD_ID"))) {
    throw new Error(`apps/${options.app} is not built: run \`npx turbo run build --filter=@real-estate/${options.app}\` (npm test does this)`);
  }
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
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`apps/${options.app} exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/__ready`, { redirect: "manual", signal: AbortSignal.timeout(2_000) }).then(() => true, () => false);
    if (ok) return { name: options.app, url, port: options.port, stop, output: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`apps/${options.app} did not answer within 60 s:\n${output}`);
}
