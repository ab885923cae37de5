// Why a drain under faults did not end: the worker's exit and the end of its log, and the open
// jobs by status, attempts and last error. Written into the summary's note, which is what a CI
// log shows of a failing run when the assertion's own message has scrolled away.
import fs from "node:fs";
import type pg from "pg";
import type { WorkerProcess } from "./worker-process";

/** The worker log's lines that are not one job's success line, newest last. */
export function workerLogTail(logFile: string, lines = 12): string[] {
  if (!fs.existsSync(logFile)) return [`(no log at ${logFile})`];
  return fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !(l.includes('"msg":"job"') && l.includes('"outcome":"applied"')))
    .slice(-lines)
    .map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l));
}

export async function diagnoseDrain(check: pg.Client, worker: WorkerProcess): Promise<string> {
  const open = await check
    .query<{ status: string; attempts: number; n: number; lastError: string | null }>(
      `SELECT status::text AS status, attempts, count(*)::int AS n, min("lastError") AS "lastError"
         FROM "IngestionJob" WHERE kind = 'website-event' AND status IN ('PENDING', 'PROCESSING')
        GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 6`,
    )
    .then((r) => r.rows.map((x) => `${x.n} ${x.status} after ${x.attempts} attempts${x.lastError ? ` (${x.lastError.slice(0, 160)})` : ""}`).join("; "))
    .catch((error: Error) => `open jobs not readable: ${error.message}`);
  const exit = worker.alive() ? "the worker is running" : worker.exitReport().split("\n")[0];
  return `${exit}; open jobs: ${open || "none"}; worker log (last lines other than applied jobs):\n${workerLogTail(worker.logFile).join("\n")}`;
}
