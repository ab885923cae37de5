// Production Next.js servers (next start) for the studio's integration and browser tests.
import net from "node:net";
import { startNextApp } from "@real-estate/http/testing";

export { REPO_ROOT } from "@real-estate/http/testing";

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

/** Starts the app server (real-estate-serve) on a snapshot of apps/<app>'s build and waits until it answers HTTP. */
export async function startNextServer(options: { app: "studio" | "web"; port: number; env: Record<string, string> }): Promise<RunningServer> {
  const server = await startNextApp({
    app: options.app,
    label: "studio-tests",
    port: options.port,
    env: options.env,
    ready: (port) => fetch(`http://127.0.0.1:${port}/__ready`, { redirect: "manual", signal: AbortSignal.timeout(10_000) }).then(() => true),
  });
  return { name: options.app, url: server.url, port: server.port, stop: server.stop, output: server.output };
}
