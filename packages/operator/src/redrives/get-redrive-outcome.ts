import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/** Where the jobs of a re-drive are now. */
export type RedriveOutcome = {
  tracked: number;
  /** Completed. */
  succeeded: number;
  /** No longer in the queue table: pruned after completing (or erased with their contact). */
  gone: number;
  /** Dead-lettered again. */
  failedAgain: number;
  /** Failed again and waiting for their next retry. */
  retrying: number;
  /** Not attempted yet since the re-drive. */
  waiting: number;
  processing: number;
};

export const emptyOutcome = (tracked = 0): RedriveOutcome => ({ tracked, succeeded: 0, gone: 0, failedAgain: 0, retrying: 0, waiting: 0, processing: 0 });

/** The current state of the given re-driven jobs. Operator view: job ids are platform-wide. */
export async function getRedriveOutcome(options: { jobIds: string[]; db?: Db }): Promise<RedriveOutcome> {
  const db = options.db ?? getDb();
  const outcome = emptyOutcome(options.jobIds.length);
  if (!options.jobIds.length) return outcome;
  const rows = await db.$queryRaw<{ status: string; retried: boolean; n: number }[]>`
    SELECT j.status::text AS status, (j.attempts > 0) AS retried, count(*)::int AS n
      FROM "IngestionJob" AS j WHERE j.id = ANY(${options.jobIds}::bigint[])
     GROUP BY 1, 2`;
  let found = 0;
  for (const r of rows) {
    found += r.n;
    if (r.status === "COMPLETED") outcome.succeeded += r.n;
    else if (r.status === "DEAD_LETTERED") outcome.failedAgain += r.n;
    else if (r.status === "PROCESSING") outcome.processing += r.n;
    else if (r.retried) outcome.retrying += r.n;
    else outcome.waiting += r.n;
  }
  outcome.gone = options.jobIds.length - found;
  return outcome;
}
