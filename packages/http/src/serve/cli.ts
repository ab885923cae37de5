// real-estate-serve [dir] [-p port] [-H hostname] [--metrics-port port] [--ready module]: runs a
// Next.js production build behind the app server (start-app-server.ts), with the arguments of
// `next start`. `--metrics-port` (or APP_METRICS_PORT) opens the operator's metrics listener;
// `--ready` names a module whose default export creates the `/readyz` check
// (`@real-estate/db/readiness-probe`: database reachable, migrations current).
import path from "node:path";
import { parseArgs } from "node:util";
import type { ReadinessCheck } from "../health/health-endpoints";
import { startAppServer } from "./start-app-server";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    "metrics-port": { type: "string" },
    ready: { type: "string" },
  },
});

function portOf(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`real-estate-serve: invalid ${name} "${raw}"`);
    process.exit(2);
  }
  return port;
}

const port = portOf(values.port ?? process.env.PORT, "port") ?? 3000;
const metricsPort = portOf(values["metrics-port"] ?? process.env.APP_METRICS_PORT, "metrics port");
const dir = path.resolve(positionals[0] ?? process.cwd());

try {
  let ready: ReadinessCheck | undefined;
  if (values.ready) {
    const module = (await import(values.ready)) as { default: () => ReadinessCheck };
    ready = module.default();
  }
  const app = await startAppServer({ dir, port, hostname: values.hostname, metricsPort, ready });
  const metricsNote = app.metricsPort === null ? "" : ` (metrics on http://127.0.0.1:${app.metricsPort}/metrics)`;
  console.log(`[serve] ${path.basename(dir)} ready on http://${values.hostname ?? "localhost"}:${app.port}${metricsNote}`);
  const stop = () => {
    // Like `next start`: stop taking connections and exit; open keep-alive sockets do not hold the process.
    void app.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} catch (error) {
  console.error(`real-estate-serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
