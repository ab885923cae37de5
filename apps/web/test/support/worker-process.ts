// The ingestion worker as its own process (services/ingestion-worker's drain entry), for browser
// and HTTP stories that need queued work done the way production does it: its output is kept for
// the failure message of a wait that timed out.
import { spawn } from "node:child_process";
import path from "node:path";
import { REPO_DIR } from "./web-server";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type WorkerProcess = {
  /** Resolves with what `probe` gives once it is not undefined; fails after `timeoutMs` with the worker's last output. */
  waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, options?: { timeoutMs?: number; intervalMs?: number }): Promise<T>;
  /** SIGTERM, then SIGKILL when the worker has not exited within 15 s. */
  stop(): Promise<void>;
};

/** Starts the worker on `databaseUrl` with its metrics endpoint off; `env` adds INGESTION_KINDS and the like. */
export function startWorkerProcess(options: { databaseUrl: string; workerId: string; env?: Record<string, string> }): WorkerProcess {
  let log = "";
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_DIR, "services/ingestion-worker/src/bin/drain.ts")], {
    cwd: path.join(REPO_DIR, "services/ingestion-worker"),
    env: { ...process.env, DATABASE_URL: options.databaseUrl, INGESTION_WORKER_ID: options.workerId, METRICS_PORT: "off", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (log += c.toString()));
  return {
    async waitFor(what, probe, { timeoutMs = 90_000, intervalMs = 250 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\nworker log:\n${log.slice(-4000)}`);
        await sleep(intervalMs);
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
