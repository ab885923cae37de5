// Starts the whole platform as `npm start` does (production builds behind the app server), on
// ports moved by an offset, against the given database, and waits until every app is ready.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { platformPorts as launcherPorts, portOffset } from "@real-estate/http/platform-ports";

export type PlatformPorts = { web: number; crm: number; studio: number; metrics: { web: number; crm: number; studio: number; worker: number } };

export type RunningPlatform = { ports: PlatformPorts; stop: () => Promise<void>; logs: () => string };

/**
 * Each port as `npm start` picks it, read from the launcher's own module (its own variable when
 * set, else the default moved by the offset); an offset `npm start` would refuse is refused here.
 */
export function platformPorts(offset: number, env: NodeJS.ProcessEnv = process.env): PlatformPorts {
  const ports = launcherPorts(portOffset([], { PORT_OFFSET: String(offset) }), env);
  return {
    web: ports.web,
    crm: ports.crm,
    studio: ports.studio,
    metrics: { worker: ports.metrics, web: ports.webMetrics, crm: ports.crmMetrics, studio: ports.studioMetrics },
  };
}

export async function startPlatform(options: { root: string; offset: number; databaseUrl?: string; log: (line: string) => void }): Promise<RunningPlatform> {
  const ports = platformPorts(options.offset);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT_OFFSET: String(options.offset) };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child: ChildProcess = spawn(process.execPath, [path.join(options.root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    cwd: options.root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c));
  child.stderr?.on("data", (c: Buffer) => (output += c));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
  };
  const deadline = Date.now() + 30 * 60_000;
  let last = "";
  // The apps' readiness, then the worker's health on its metrics port (it starts last).
  for (const [name, port, pathname] of [
    ["web", ports.web, "/readyz"],
    ["crm", ports.crm, "/readyz"],
    ["studio", ports.studio, "/readyz"],
    ["worker", ports.metrics.worker, "/healthz"],
  ] as const) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the platform stopped before it was ready:\n${output.slice(-4000)}`);
      const ok = await fetch(`http://127.0.0.1:${port}${pathname}`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      const line = output.trim().split("\n").at(-1) ?? "";
      if (line !== last) options.log(`  waiting for ${name}: ${line.slice(0, 160)}`);
      last = line;
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`${name} was not ready within 30 minutes:\n${output.slice(-4000)}`);
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  return { ports, stop, logs: () => output };
}
