import { onPooledConnection, pgPoolOf, type Db } from "@real-estate/db";
import { TransientIngestionError, type ClaimedJob } from "@real-estate/queue";
import { attemptKey, keyOf, openHeld, recordAndCommit, type Client, type DeliveryResult } from "./delivery-transaction";
import type { DeliveryOutcome, RecordValues, Row } from "./email-attempt";
import type { MailTransport } from "./smtp-transport";

/**
 * A batch read ahead (decision 0062): its transaction opened and its messages read and locked
 * before their jobs start, so that a job's SMTP conversation starts the moment the job does.
 */
export type PreparedDeliveries = {
  /** Whether `job` is one of the batch's jobs and has not started yet (the batch still takes it). */
  has(job: ClaimedJob): boolean;
  /** Jobs of the batch not started yet. */
  left(): number;
  /** Starts `job`'s attempt (its SMTP conversation as soon as the messages are read); settles as deliverEmail would, after the batch's commit. */
  deliver(job: ClaimedJob, onSent?: () => void): Promise<DeliveryOutcome>;
  /** Takes no more jobs: once the started ones' conversations are over, their outcomes are recorded and the batch commits (the rows of jobs never started are only unlocked). */
  close(): void;
  /** Resolves when the messages are read and locked (true), or the read failed (false: the batch takes no job). */
  readonly read: Promise<boolean>;
  /** Resolves when the transaction has ended, committed or rolled back. */
  readonly settled: Promise<void>;
};

/**
 * Opens a batch ahead of its jobs (decision 0062), on a pool-backed client: one simple query opens
 * the transaction and reads and locks the messages of `jobs` (as deliverEmails does), then the
 * jobs join it one by one as they start (`deliver`), each message sent at once; `close` ends it:
 * one statement records the started jobs' outcomes, then COMMIT. Each message's row stays locked
 * from the status check to the commit of its outcome. Jobs with an invalid payload and a second
 * job for the same message are left out (they go through deliverEmails). Null when no job is left
 * or the client has no pool.
 */
export function prepareDeliveries(options: { db: Db; transport: MailTransport; jobs: ClaimedJob[]; now?: Date }): PreparedDeliveries | null {
  const pool = pgPoolOf(options.db);
  if (!pool) return null;
  const keyByJob = new Map<string, string>();
  const keys = new Set<string>();
  for (const job of options.jobs) {
    const key = keyOf(job);
    if (typeof key !== "string" || keys.has(key) || keyByJob.has(job.id)) continue;
    keys.add(key);
    keyByJob.set(job.id, key);
  }
  if (keys.size === 0) return null;
  let closed = false;
  let closeNow!: () => void;
  const closing = new Promise<void>((resolve) => (closeNow = resolve));
  let ready!: (v: { client: Client; held: Map<string, Row> } | null) => void;
  const opened = new Promise<{ client: Client; held: Map<string, Row> } | null>((resolve) => (ready = resolve));
  const records: RecordValues[] = [];
  const attempts: Promise<unknown>[] = [];
  const results = new Map<string, DeliveryResult>();
  const sentCallbacks: (() => void)[] = [];
  const settled = onPooledConnection(pool, async (client) => {
    try {
      ready({ client, held: await openHeld(client, [...keys]) });
    } catch (error) {
      closed = true;
      ready(null);
      throw error;
    }
    await closing;
    await Promise.all(attempts);
    await recordAndCommit(client, records, options.now);
  }).finally(() => {
    ready(null);
    for (const f of sentCallbacks.splice(0)) f();
  });
  settled.catch(() => undefined);
  return {
    has: (job) => !closed && keyByJob.has(job.id),
    left: () => keyByJob.size,
    deliver: (job, onSent) => {
      const key = keyByJob.get(job.id);
      if (closed || key === undefined) return Promise.reject(new Error("not a job of this batch"));
      keyByJob.delete(job.id);
      let sent = false;
      const over = () => {
        if (sent) return;
        sent = true;
        onSent?.();
      };
      if (onSent) sentCallbacks.push(over);
      const attempt = opened.then(async (o) => {
        if (!o) return;
        try {
          results.set(job.id, await attemptKey(o.client, o.held, key, job, records, options));
        } finally {
          over();
        }
      });
      attempts.push(attempt);
      return settled.then(() => {
        const r = results.get(job.id);
        if (!r) throw new TransientIngestionError("the delivery's transaction ended before its attempt");
        if ("error" in r) throw r.error;
        return r;
      });
    },
    close: () => {
      if (closed) return;
      closed = true;
      closeNow();
    },
    read: opened.then((o) => o !== null),
    settled: settled.then(
      () => undefined,
      () => undefined,
    ),
  };
}
