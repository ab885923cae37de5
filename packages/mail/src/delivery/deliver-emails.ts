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
    const parsed = ZPayload.safeParse(job.payload);
    if (!parsed.success) results[i] = { error: new PermanentIngestionError("invalid email.deliver payload (emailId)") };
    else if (!UUID.test(job.tenantId) || !UUID.test(parsed.data.emailId)) results[i] = { error: new PermanentIngestionError("invalid email.deliver ids") };
    else {
      const key = `${job.tenantId.toLowerCase()}/${parsed.data.emailId.toLowerCase()}`;
      if (byKey.has(key)) results[i] = { error: new TransientIngestionError("another delivery of this message is in flight") };
      else byKey.set(key, i);
    }
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
    const pairs = [...byKey.keys()].map((key) => {
      const [tenantId, emailId] = key.split("/");
      return `('${tenantId}'::uuid, '${emailId}'::uuid)`;
    });
    const opened = await client.query(
      `BEGIN; SET LOCAL idle_in_transaction_session_timeout = ${DELIVERY_HOLD_MS}; ${holdWhereSql(`(m."tenantId", m.id) IN (VALUES ${pairs.join(", ")})`)}`,
    );
    const rows = ((Array.isArray(opened) ? opened.at(-1) : opened) as { rows: Row[] }).rows;
    const held = new Map(rows.map((m) => [`${m.tenantId.toLowerCase()}/${m.id.toLowerCase()}`, m]));
    const records: RecordValues[] = [];
    const pending: Promise<void>[] = [];
    for (const [key, i] of byKey) {
      const job = jobs[i]!;
      const m = held.get(key);
      if (!m) {
        // Held by another delivery (try again later), or erased with its person (nothing to do).
        const [tenantId, emailId] = key.split("/");
        pending.push(
          client.query<{ n: number }>({ name: "mail_delivery_held", text: HELD_ELSEWHERE_SQL, values: [tenantId, emailId] }).then((r) => {
            results[i] = r.rows[0]?.n ? { error: new TransientIngestionError("another delivery of this message is in flight") } : { outcome: "duplicate" };
          }),
        );
        continue;
      }
      pending.push(
        attemptHeld(m, { tenantId: job.tenantId, transport: options.transport, job, now: options.now }).then((attempt) => {
          if (attempt.record) records.push(attempt.record);
          results[i] = attempt.result;
        }),
      );
    }
    await Promise.all(pending);
    options.onSent?.();
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
          (options.now ?? new Date()).toISOString(),
        ],
      });
    }
    await client.query("COMMIT");
  });
}
