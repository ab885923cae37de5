import type { Db } from "@real-estate/db";
import { execute } from "./direct-sql";

/** Channel workers LISTEN on; a notification is only a hint, workers also poll. */
export const QUEUE_NOTIFY_CHANNEL = "ingestion_job_ready";

/**
 * The least time between the starts of two NOTIFYs from one client. A wake-up asked for sooner
 * is sent when this has passed (one NOTIFY for all the jobs committed meanwhile); one asked for
 * later is sent at once, so a lone job's wake-up is not delayed.
 */
export const WAKE_MIN_INTERVAL_MS = 2;

const WAKE_SQL = `SELECT pg_notify('${QUEUE_NOTIFY_CHANNEL}', '')`;

type WakeState = { sending: boolean; again: boolean; lastSentAt: number };
// Per client, on globalThis as the client and its pool are (decision 0065): a Next.js server
// bundles this module into each route's chunk, and a map per copy coalesced per chunk, so the
// NOTIFYs of one process's routes were not coalesced with each other.
const globalForWake = globalThis as unknown as { __realEstateQueueWakeStates?: WeakMap<object, WakeState> };
const states = (globalForWake.__realEstateQueueWakeStates ??= new WeakMap<object, WakeState>());

/**
 * Tells idle workers that jobs were committed, from outside the enqueue's own transaction, and
 * coalesced per client (across every copy of this module in the process): at most one NOTIFY in
 * flight and at most one started per WAKE_MIN_INTERVAL_MS, plus one more when jobs are committed
 * while one is in flight or within that interval (so every committed job is followed by a NOTIFY
 * sent after its commit, at most WAKE_MIN_INTERVAL_MS plus a round trip later).
 *
 * Why not pg_notify inside the INSERT: PostgreSQL serialises the commits of all transactions
 * that issued NOTIFY (one cluster-wide lock held through the commit's WAL flush), so every
 * enqueue would wait for every other one's flush: measured with pgbench, 4 clients, a one-row
 * INSERT ran ~4x slower with pg_notify in the same statement. Outside it, enqueues commit in
 * parallel (group commit) and only the few coalesced NOTIFYs queue up on that lock.
 *
 * Why the interval (decision 0084): with only "one in flight", 4 concurrent senders sent 0.6
 * NOTIFYs per job, each a transaction of its own (an xid, a commit record, a WAL flush) and a
 * round trip. Workers that are busy keep claiming without them; an idle worker waits at most the
 * interval longer.
 *
 * `minIntervalMs` is for tests (a longer interval than the default shows the spacing).
 *
 * Fire and forget: a NOTIFY that fails is dropped, the jobs are already durable and workers
 * also poll (INGESTION_POLL_INTERVAL_MS), so the worst case is one poll interval of delay.
 */
export function wakeWorkers(db: Db, minIntervalMs: number = WAKE_MIN_INTERVAL_MS): void {
  let state = states.get(db);
  if (!state) {
    state = { sending: false, again: false, lastSentAt: -Infinity };
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
    s.lastSentAt = performance.now();
    void execute(db, "queue_wake_workers", WAKE_SQL, [])
      .catch(() => undefined)
      .then(next);
  };
  const next = (): void => {
    if (!s.again) {
      s.sending = false;
      return;
    }
    const wait = s.lastSentAt + minIntervalMs - performance.now();
    if (wait > 0) setTimeout(send, wait);
    else send();
  };
  // This wake-up is owed: sent now, or when the interval since the last one has passed.
  s.again = true;
  next();
}
