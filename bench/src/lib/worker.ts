// The real ingestion worker as the bench starts it: `npm run worker:ingestion:drain`'s entry point
// (services/ingestion-worker/src/bin/drain.ts) in its own process on a bench database, its log in
// bench/results/logs. Every scenario that runs the worker starts it here.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serverNodeFlags } from "@real-estate/http/node-flags";
import { log, SkipError } from "./context";
import { REPO_ROOT } from "./paths";
import { startProcess, type Started } from "./processes";
import { PORTS } from "./sizes";

const WORKER_DIR = path.join(REPO_ROOT, "services/ingestion-worker");
const DRAIN_BIN = path.join(WORKER_DIR, "src/bin/drain.ts");
/** Preloaded into the worker when asked (`probeDir`): counts its SQL statements and CPU, written at exit. */
const PROBE = path.join(REPO_ROOT, "bench/src/lib/worker-probe.mjs");

export function assertWorkerLanded(): void {
  if (!fs.existsSync(DRAIN_BIN)) throw new SkipError("the ingestion worker (services/ingestion-worker/src/bin/drain.ts) has not landed on main");
}

export type BenchWorkerOptions = {
  databaseUrl: string;
  /** INGESTION_CONCURRENCY. */
  concurrency: number;
  /** The process's name, and its log's (default "ingestion-worker"). */
  name?: string;
  /** INGESTION_KINDS: the job kinds it runs (default: the worker's own, every kind). */
  kinds?: string[];
  /** SMTP_URL, for the e-mail kinds. */
  smtpUrl?: string;
  /** Serves /healthz and /metrics on 127.0.0.1 at PORTS.workerMetrics (default), or not at all ("off"). */
  metrics?: "on" | "off";
  /** Preloads the probe, which writes the process's statement counts and CPU into this directory at exit. */
  probeDir?: string;
};

/**
 * NODE_OPTIONS for the worker: the probe when asked (`probeDir`), and with
 * BENCH_WORKER_CPU_PROF=<folder> a V8 CPU profile written there when the worker stops.
 */
function workerNodeOptions(probeDir: string | undefined): Record<string, string> {
  const options = [process.env.NODE_OPTIONS ?? ""];
  if (probeDir) options.push(`--import ${pathToFileURL(PROBE).href}`);
  if (process.env.BENCH_WORKER_CPU_PROF) options.push(`--cpu-prof --cpu-prof-dir=${path.resolve(process.env.BENCH_WORKER_CPU_PROF)}`);
  const joined = options.join(" ").trim();
  return {
    ...(joined !== (process.env.NODE_OPTIONS ?? "").trim() ? { NODE_OPTIONS: joined } : {}),
    ...(probeDir ? { BENCH_WORKER_PROBE: probeDir } : {}),
  };
}

/**
 * The worker's node flags as it ships (`serverNodeFlags` in its package.json, decision 0074), which
 * tsx passes to the node process it starts; for a comparison, BENCH_WORKER_NODE_FLAGS="<flags>"
 * replaces them ("" for none).
 */
function workerNodeFlags(): string[] {
  const override = process.env.BENCH_WORKER_NODE_FLAGS;
  return override !== undefined ? override.split(/\s+/).filter(Boolean) : serverNodeFlags(WORKER_DIR);
}

/** Starts the worker in production mode; stop it with the returned handle's stop(). */
export function startBenchWorker(o: BenchWorkerOptions): Started {
  assertWorkerLanded();
  const nodeFlags = workerNodeFlags();
  if (nodeFlags.length > 0) log(`ingestion worker node flags: ${nodeFlags.join(" ")}`);
  return startProcess(o.name ?? "ingestion-worker", path.join(REPO_ROOT, "node_modules/.bin/tsx"), [...nodeFlags, DRAIN_BIN], {
    cwd: WORKER_DIR,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: o.databaseUrl,
      ...(o.smtpUrl ? { SMTP_URL: o.smtpUrl } : {}),
      ...(o.kinds ? { INGESTION_KINDS: o.kinds.join(",") } : {}),
      INGESTION_CONCURRENCY: String(o.concurrency),
      ...(o.metrics === "off" ? { METRICS_PORT: "off" } : { METRICS_PORT: String(PORTS.workerMetrics), METRICS_HOST: "127.0.0.1" }),
      ...workerNodeOptions(o.probeDir),
    },
  });
}
