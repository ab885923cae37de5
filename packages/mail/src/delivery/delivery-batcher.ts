import type { Db } from "@real-estate/db";
import type { ClaimedJob } from "@real-estate/queue";
import { deliverEmails } from "./deliver-emails";
import type { DeliveryOutcome } from "./email-attempt";
import type { MailTransport } from "./smtp-transport";

/** Messages delivered in one transaction at most: the worker's default concurrency (decision 0052). */
export const DELIVERY_BATCH_MAX = 8;

export type DeliveryBatcher = {
  /** Delivers the job's message with the others asked for in the same tick; resolves or throws as deliverEmail would. */
  deliver(db: Db, job: ClaimedJob, release?: () => void): Promise<DeliveryOutcome>;
};

type Waiting = { db: Db; job: ClaimedJob; release?: () => void; resolve: (o: DeliveryOutcome) => void; reject: (e: Error) => void };

/**
 * Gathers the e-mail deliveries the worker starts together (the jobs it starts in one tick: the
 * first of a claim, or those whose slots one batch's commit freed) into transactions of at most
 * `maxBatch` messages (deliverEmails); each job still gets its own outcome or error. `release`
 * (the worker's ctx.release) is called for every job of a batch once its SMTP conversations are
 * over, so the next messages go to the server while this batch's outcomes are recorded.
 */
export function createDeliveryBatcher(options: { transport: MailTransport; maxBatch?: number }): DeliveryBatcher {
  const maxBatch = Math.max(1, options.maxBatch ?? DELIVERY_BATCH_MAX);
  let waiting: Waiting[] = [];

  const flush = () => {
    const all = waiting;
    waiting = [];
    const byDb = new Map<Db, Waiting[]>();
    for (const w of all) byDb.set(w.db, [...(byDb.get(w.db) ?? []), w]);
    for (const [db, group] of byDb) {
      for (let i = 0; i < group.length; i += maxBatch) {
        const batch = group.slice(i, i + maxBatch);
        const onSent = () => batch.forEach((w) => w.release?.());
        deliverEmails({ db, transport: options.transport, jobs: batch.map((w) => w.job), onSent }).then(
          (results) => {
            for (const [k, w] of batch.entries()) {
              const r = results[k]!;
              if ("error" in r) w.reject(r.error);
              else w.resolve(r);
            }
          },
          (error: unknown) => {
            for (const w of batch) w.reject(error as Error);
          },
        );
      }
    }
  };

  return {
    deliver: (db, job, release) =>
      new Promise<DeliveryOutcome>((resolve, reject) => {
        waiting.push({ db, job, release, resolve, reject });
        if (waiting.length === 1) setImmediate(flush);
      }),
  };
}
