import { onPooledConnection, pgPoolOf, type Db } from "@real-estate/db";
import { PermanentIngestionError, TransientIngestionError, type ClaimedJob } from "@real-estate/queue";
import { deliverEmail } from "./deliver-email";
import {
  attemptHeld,
  DELIVERY_HOLD_MS,
  HELD_ELSEWHERE_SQL,
  holdWhereSql,
  UUID,
  ZPayload,
  type DeliveryOutcome,
  type Pool,
  type RecordValues,
  type Row,
} from "./email-attempt";
import type { MailTransport } from "./smtp-transport";

/**
 * Several attempts' outcomes in one statement: RECORD_SQL row by row, from arrays. $1 tenants,
 * $2 messages, $3 statuses, $4 SMTP codes, $5 SMTP answers, $6 errors, $7 suppress, $8 activity
 * ids, $9 to-addresses, $10 contacts, $11 leads, $12 activity titles, $13 activity metadata,
 * $14 now.
 */
const RECORD_MANY_SQL = `
    WITH v AS (
      SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::boolean[], $8::uuid[], $9::text[],
                           $10::uuid[], $11::uuid[], $12::text[], $13::jsonb[])
          AS v(tenant, id, status, code, response, error, suppress, activity, "to", contact, lead, title, metadata)
    ), upd AS (
      UPDATE "EmailMessage" m SET status = v.status::"EmailStatus", attempts = m.attempts + 1, "smtpCode" = v.code, "smtpResponse" = v.response,
             "lastError" = v.error, "sentAt" = CASE WHEN v.status = 'SENT' THEN $14::timestamp(3) ELSE m."sentAt" END,
             "failedAt" = CASE WHEN v.status = 'FAILED' THEN $14::timestamp(3) ELSE m."failedAt" END, "updatedAt" = $14::timestamp(3)
        FROM v
       WHERE m."tenantId" = v.tenant AND m.id = v.id AND m.status IN ('QUEUED', 'FAILED')
      RETURNING m."tenantId", m.id
    ), sup AS (
      INSERT INTO "EmailSuppression" ("tenantId", address, scope, reason, detail, "createdAt")
      SELECT v.tenant, lower(v."to"), 'all', 'bounce', v.response, $14::timestamp(3)
        FROM v JOIN upd ON upd."tenantId" = v.tenant AND upd.id = v.id
       WHERE v.suppress
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), act AS (
      INSERT INTO "Activity" ("tenantId", id, "contactId", "leadId", type, title, metadata, "occurredAt", "createdAt")
      SELECT v.tenant, v.activity, v.contact, v.lead, 'EMAIL'::"ActivityType", v.title, v.metadata, $14::timestamp(3), $14::timestamp(3)
        FROM v JOIN upd ON upd."tenantId" = v.tenant AND upd.id = v.id
       WHERE v.activity IS NOT NULL
         AND EXISTS (SELECT 1 FROM "Contact" c WHERE c."tenantId" = v.tenant AND c.id = v.contact)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM upd) AS upd, (SELECT count(*) FROM sup) AS sup, (SELECT count(*) FROM act) AS act`;

/** One job's result from deliverEmails: what deliverEmail would return, or the error it would throw. */
export type DeliveryResult = DeliveryOutcome | { error: Error };

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

type Client = Parameters<Parameters<typeof onPooledConnection>[1]>[0];

/** The key of a job's message ("tenant/message", lower case), or the error the job fails with alone. */
function keyOf(job: ClaimedJob): string | { error: Error } {
  const parsed = ZPayload.safeParse(job.payload);
  if (!parsed.success) return { error: new PermanentIngestionError("invalid email.deliver payload (emailId)") };
  if (!UUID.test(job.tenantId) || !UUID.test(parsed.data.emailId)) return { error: new PermanentIngestionError("invalid email.deliver ids") };
  return `${job.tenantId.toLowerCase()}/${parsed.data.emailId.toLowerCase()}`;
}

/** Opens the transaction and reads and locks the messages of `keys` (checked UUIDs) in one simple query. */
async function openHeld(client: Client, keys: string[]): Promise<Map<string, Row>> {
  const pairs = keys.map((key) => {
    const [tenantId, emailId] = key.split("/");
    return `('${tenantId}'::uuid, '${emailId}'::uuid)`;
  });
  const opened = await client.query(
    `BEGIN; SET LOCAL idle_in_transaction_session_timeout = ${DELIVERY_HOLD_MS}; ${holdWhereSql(`(m."tenantId", m.id) IN (VALUES ${pairs.join(", ")})`)}`,
  );
  const rows = ((Array.isArray(opened) ? opened.at(-1) : opened) as { rows: Row[] }).rows;
  return new Map(rows.map((m) => [`${m.tenantId.toLowerCase()}/${m.id.toLowerCase()}`, m]));
}

/** One job's attempt at its message in an open batch: what to record goes to `records`, the job's result is returned. */
async function attemptKey(
  client: Client,
  held: Map<string, Row>,
  key: string,
  job: ClaimedJob,
  records: RecordValues[],
  options: { transport: MailTransport; now?: Date },
): Promise<DeliveryResult> {
  const m = held.get(key);
  if (!m) {
    // Held by another delivery (try again later), or erased with its person (nothing to do).
    const [tenantId, emailId] = key.split("/");
    const r = await client.query<{ n: number }>({ name: "mail_delivery_held", text: HELD_ELSEWHERE_SQL, values: [tenantId, emailId] });
    return r.rows[0]?.n ? { error: new TransientIngestionError("another delivery of this message is in flight") } : { outcome: "duplicate" };
  }
  const attempt = await attemptHeld(m, { tenantId: job.tenantId, transport: options.transport, job, now: options.now });
  if (attempt.record) records.push(attempt.record);
  return attempt.result;
}

/** Records every outcome of the batch in one statement (when there are any) and commits. */
async function recordAndCommit(client: Client, records: RecordValues[], now?: Date): Promise<void> {
  if (records.length > 0) {
    const col = <K extends keyof RecordValues>(k: K) => records.map((r) => r[k]);
    await client.query({
      name: "mail_delivery_record_many",
      text: RECORD_MANY_SQL,
      values: [
        col("tenantId"),
        col("emailId"),
        col("status"),
        col("smtpCode"),
        col("smtpResponse"),
        col("error"),
        col("suppress"),
        col("activityId"),
        col("toAddress"),
        col("contactId"),
        col("leadId"),
        col("activityTitle"),
        col("activityMetadata"),
        (now ?? new Date()).toISOString(),
      ],
    });
  }
  await client.query("COMMIT");
}

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
