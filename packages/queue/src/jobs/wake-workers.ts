import type { Db } from "@real-estate/db";
import { execute } from "./direct-sql";

/** Channel workers LISTEN on; a notification is only a hint, workers also poll. */
export const QUEUE_NOTIFY_CHANNEL = "ingestion_job_ready";

const WAKE_SQL = `SELECT pg_notify('${QUEUE_NOTIFY_CHANNEL}', '')`;

type WakeState = { sending: boolean; again: boolean };
// Per client, on globalThis as the client and its pool are (decision 0065): a Next.js server
// bundles this module into each route's chunk, and a map per copy coalesced per chunk, so the
// NOTIFYs of one process's routes were not coalesced with each other.
const globalForWake = globalThis as unknown as { __realEstateQueueWakeStates?: WeakMap<object, WakeState> };
const states = (globalForWake.__realEstateQueueWakeStates ??= new WeakMap<object, WakeState>());

/**
 * Tells idle workers that jobs were committed, from outside the enqueue's own transaction, and
 * coalesced per client (across every copy of this module in the process): at most one NOTIFY in
 * flight, plus one more when jobs are committed while it is (so every committed job is followed by
 * a NOTIFY sent after its commit).
 *
 * Why not pg_notify inside the INSERT: PostgreSQL serialises the commits of all transactions
 * that issued NOTIFY (one cluster-wide lock held through the commit's WAL flush), so every
 * enqueue would wait for every other one's flush: measured with pgbench, 4 clients, a one-row
 * INSERT ran ~4x slower with pg_notify in the same statement. Outside it, enqueues commit in
 * parallel (group commit) and only the few coalesced NOTIFYs queue up on that lock.
 *
 * Fire and forget: a NOTIFY that fails is dropped, the jobs are already durable and workers
 * also poll (INGESTION_POLL_INTERVAL_MS), so the worst case is one poll interval of delay.
 */
export function wakeWorkers(db: Db): void {
  let state = states.get(db);
  if (!state) {
    state = { sending: false, again: false };
    states.set(db, state);
  }
  if (state.sending) {
    state.again = true;
    return;
  }
  const s = state;
  s.sending = true;
  const send = (): void => {
    s.again = false;
    void execute(db, "queue_wake_workers", WAKE_SQL, [])
      .catch(() => undefined)
      .then(() => {
        if (s.again) send();
        else s.sending = false;
      });
  };
  send();
}
