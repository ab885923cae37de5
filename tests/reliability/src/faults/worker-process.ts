// The real ingestion worker binary (services/ingestion-worker/src/bin/drain.ts) as a child process.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serverNodeFlags } from "@real-estate/http/node-flags";
import { ARTIFACTS_DIR, REPO_ROOT } from "../report/summary";

export const WORKER_DIR = path.join(REPO_ROOT, "services", "ingestion-worker");
export const WORKER_BIN = path.join(WORKER_DIR, "src", "bin", "drain.ts");
/** application_name the worker's connections carry (its binary's name). */
export const WORKER_APP_NAME = "worker:ingestion:drain";

export type WorkerProcess = {
  child: ChildProcess;
  logFile: string;
  alive: () => boolean;
  /** Why the process is gone (exit code or signal, and the end of its log), for a failing assertion. */
  exitReport: () => string;
  /** Resolves once the worker logged that it drains (past its start-up checks); throws when it exits first or takes longer than `timeoutMs`. */
  draining: (timeoutMs?: number) => Promise<void>;
  stop: () => Promise<number | null>;
};

/**
 * Starts `drain` against `databaseUrl`. Leases are short (default 5 s) so that a job whose
 * completion was cut off by a fault comes back within the test instead of after 5 minutes.
 */
export function startWorker(options: { databaseUrl: string; label: string; env?: Record<string, string> }): WorkerProcess {
  if (!fs.existsSync(WORKER_BIN)) throw new Error(`the worker binary ${path.relative(REPO_ROOT, WORKER_BIN)} does not exist`);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = path.join(ARTIFACTS_DIR, `worker-${options.label}.log`);
  // One log per run (a second run of the suite in the same checkout starts it afresh), so the
  // end of it in a failure report is this worker's.
  const log = fs.openSync(logFile, "w");
  const tsx = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");
  // With the worker's own node flags (its package.json's `serverNodeFlags`, decision 0074), as it ships.
  const child = spawn(tsx, [...serverNodeFlags(WORKER_DIR), WORKER_BIN], {
    cwd: WORKER_DIR,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      METRICS_PORT: "off",
      INGESTION_LEASE_MS: "5000",
      INGESTION_POLL_INTERVAL_MS: "200",
      INGESTION_CONCURRENCY: "4",
      ...options.env,
    },
    stdio: ["ignore", log, log],
    detached: true,
  });
  let exitCode: number | null = null;
  let exitSignal: NodeJS.Signals | null = null;
  let exited = false;
  child.once("exit", (code, signal) => {
    exited = true;
    exitCode = code;
    exitSignal = signal;
    fs.closeSync(log);
  });
  return {
    child,
    logFile,
    alive: () => !exited,
    exitReport: () => {
      if (!exited) return "the worker is running";
      const tail = fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-40).join("\n");
      return `the worker exited (code ${exitCode}, signal ${exitSignal}); the end of ${path.relative(REPO_ROOT, logFile)}:\n${tail}`;
    },
    draining: async (timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!fs.readFileSync(logFile, "utf8").includes('"msg":"draining"')) {
        if (exited) throw new Error(`the worker exited before it drained (code ${exitCode}, signal ${exitSignal})`);
        if (Date.now() > deadline) throw new Error(`the worker did not start draining within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: async () => {
      if (exited || !child.pid) return exitCode;
      process.kill(-child.pid, "SIGTERM");
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          if (!exited && child.pid) process.kill(-child.pid, "SIGKILL");
          resolve();
        }, 20_000);
        child.once("exit", () => {
          clearTimeout(t);
          resolve();
        });
      });
      return exitCode;
    },
  };
}
