import { onPooledConnection, pgPoolOf, type Db } from "@real-estate/db";
import { TransientIngestionError, type ClaimedJob } from "@real-estate/queue";
import { deliverEmail } from "./deliver-email";
import { attemptKey, keyOf, openHeld, recordAndCommit, type DeliveryResult } from "./delivery-transaction";
import type { Pool, RecordValues } from "./email-attempt";
import type { MailTransport } from "./smtp-transport";

export type { DeliveryResult } from "./delivery-transaction";

/**
 * Delivers several outbox messages (one "email.deliver" job each) in one transaction, with the
 * guarantees of deliverEmail for each: on a pool-backed client, one simple query opens the
 * transaction and reads and locks every message (FOR UPDATE SKIP LOCKED, the ids checked UUIDs
 * written into the text), the messages go to the SMTP server at once (the transport's pooled
 * connections), one statement records every outcome, then COMMIT: three round trips for the
 * batch instead of three per message. The rows stay locked until the commit, so a second
 * delivery of any of them finds it held and retries later; a message accepted by the server
 * is recorded SENT at the batch's commit, and a crash before it sends it again with the same
 * Message-ID. A job whose payload or ids are invalid fails alone (permanent); a database error
 * fails the whole batch (each job retried). Results are in the order of `jobs`.
 * Any other client delivers the messages one by one (deliverEmail).
 */
export async function deliverEmails(options: {
  db: Db;
  transport: MailTransport;
  jobs: ClaimedJob[];
  now?: Date;
  /** Called once every SMTP conversation of the batch is over, before the outcomes are recorded and committed. */
  onSent?: () => void;
}): Promise<DeliveryResult[]> {
  const { db, jobs } = options;
  const results: (DeliveryResult | undefined)[] = new Array(jobs.length);
  // The jobs to deliver, by "tenant/message"; a second job for a message already in the batch is refused like a held row.
  const byKey = new Map<string, number>();
  for (const [i, job] of jobs.entries()) {
    const key = keyOf(job);
    if (typeof key !== "string") results[i] = key;
    else if (byKey.has(key)) results[i] = { error: new TransientIngestionError("another delivery of this message is in flight") };
    else byKey.set(key, i);
  }
  const pool = pgPoolOf(db);
  if (byKey.size > 0 && !pool) {
    await Promise.all(
      [...byKey.values()].map(async (i) => {
        results[i] = await deliverEmail({ db, transport: options.transport, job: jobs[i]!, now: options.now }).catch((error: unknown) => ({
          error: error as Error,
        }));
      }),
    );
  } else if (byKey.size > 0) {
    try {
      await inPgBatch(pool!, byKey, jobs, options, results);
    } catch (error) {
      for (const i of byKey.values()) results[i] = { error: error as Error };
    }
  }
  return results.map((r) => r!);
}

async function inPgBatch(
  pool: Pool,
  byKey: Map<string, number>,
  jobs: ClaimedJob[],
  options: { transport: MailTransport; now?: Date; onSent?: () => void },
  results: (DeliveryResult | undefined)[],
): Promise<void> {
  await onPooledConnection(pool, async (client) => {
    const held = await openHeld(client, [...byKey.keys()]);
    const records: RecordValues[] = [];
    await Promise.all(
      [...byKey].map(async ([key, i]) => {
        results[i] = await attemptKey(client, held, key, jobs[i]!, records, options);
      }),
    );
    options.onSent?.();
    await recordAndCommit(client, records, options.now);
  });
}
