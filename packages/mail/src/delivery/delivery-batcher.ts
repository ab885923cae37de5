import type { Db } from "@real-estate/db";
import type { ClaimedJob } from "@real-estate/queue";
import { deliverEmails } from "./deliver-emails";
import type { DeliveryOutcome } from "./email-attempt";
import type { MailTransport } from "./smtp-transport";

/** Messages delivered in one transaction at most: the worker's default concurrency (decision 0052). */
export const DELIVERY_BATCH_MAX = 8;

/**
 * Longest a delivery waits for the jobs that take the slots of the batch being sent, so that they
 * share its transaction, before it goes out in a smaller one (decision 0059).
 */
export const DELIVERY_JOIN_WAIT_MS = 100;

export type DeliveryBatcher = {
  /** Delivers the job's message with the others asked for in the same tick; resolves or throws as deliverEmail would. */
  deliver(db: Db, job: ClaimedJob, release?: () => void): Promise<DeliveryOutcome>;
};

type Waiting = { db: Db; job: ClaimedJob; release?: () => void; resolve: (o: DeliveryOutcome) => void; reject: (e: Error) => void };

/**
 * Gathers the e-mail deliveries the worker starts together (the jobs it starts in one tick: the
 * first of a claim, or those whose slots one batch's SMTP conversations freed) into transactions
 * of at most `maxBatch` messages (deliverEmails); each job still gets its own outcome or error.
 * `release` (the worker's ctx.release) is called for every job of a batch once its SMTP
 * conversations are over, so the next messages go to the server while this batch's outcomes are
 * recorded.
 *
 * Fewer than `maxBatch` deliveries do not start while another batch's SMTP conversations are
 * under way: the jobs that take that batch's slots when it gives them back join them (decision
 * 0059), so a claim's last few jobs do not split the batches that follow into ever smaller
 * transactions. They wait at most `joinWaitMs`; with nothing being sent they start at once.
 */
export function createDeliveryBatcher(options: { transport: MailTransport; maxBatch?: number; joinWaitMs?: number }): DeliveryBatcher {
  const maxBatch = Math.max(1, options.maxBatch ?? DELIVERY_BATCH_MAX);
  const joinWaitMs = Math.max(0, options.joinWaitMs ?? DELIVERY_JOIN_WAIT_MS);
  let waiting: Waiting[] = [];
  /** Deliveries whose batch's SMTP conversations are not over yet. */
  let sending = 0;
  let scheduled = false;
  let joinTimer: ReturnType<typeof setTimeout> | null = null;

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => flush(false));
  };

  const send = (db: Db, batch: Waiting[]) => {
    sending += batch.length;
    let over = false;
    // Once per batch: when its SMTP conversations are over (onSent), or when it settles without them (a database error).
    const sent = () => {
      if (over) return;
      over = true;
      sending -= batch.length;
      batch.forEach((w) => w.release?.());
      // The jobs started in the slots just given back are asked for in this tick: they join whatever waits.
      if (waiting.length > 0) schedule();
    };
    deliverEmails({ db, transport: options.transport, jobs: batch.map((w) => w.job), onSent: sent }).then(
      (results) => {
        sent();
        for (const [k, w] of batch.entries()) {
          const r = results[k]!;
          if ("error" in r) w.reject(r.error);
          else w.resolve(r);
        }
      },
      (error: unknown) => {
        sent();
        for (const w of batch) w.reject(error as Error);
      },
    );
  };

  const flush = (force: boolean) => {
    scheduled = false;
    const all = waiting;
    waiting = [];
    const byDb = new Map<Db, Waiting[]>();
    for (const w of all) byDb.set(w.db, [...(byDb.get(w.db) ?? []), w]);
    for (const [db, group] of byDb) {
      let i = 0;
      for (; i + maxBatch <= group.length; i += maxBatch) send(db, group.slice(i, i + maxBatch));
      const rest = group.slice(i);
      if (rest.length === 0) continue;
      if (force || sending === 0 || joinWaitMs === 0) send(db, rest);
      else waiting.push(...rest);
    }
    if (waiting.length === 0 && joinTimer) {
      clearTimeout(joinTimer);
      joinTimer = null;
    } else if (waiting.length > 0 && !joinTimer) {
      joinTimer = setTimeout(() => {
        joinTimer = null;
        flush(true);
      }, joinWaitMs);
    }
  };

  return {
    deliver: (db, job, release) =>
      new Promise<DeliveryOutcome>((resolve, reject) => {
        waiting.push({ db, job, release, resolve, reject });
        schedule();
      }),
  };
}
