// The steps a batch of outbox deliveries shares (deliverEmails and prepareDeliveries, decision
// 0062): a job's key, the one query that opens the transaction and reads and locks the messages,
// one job's attempt inside it, and the one statement that records every outcome before COMMIT.
import { type onPooledConnection } from "@real-estate/db";
import { PermanentIngestionError, TransientIngestionError, type ClaimedJob } from "@real-estate/queue";
import {
  attemptHeld,
  DELIVERY_HOLD_MS,
  HELD_ELSEWHERE_SQL,
  holdWhereSql,
  UUID,
  ZPayload,
  type DeliveryOutcome,
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

/** One job's result from a batch: what deliverEmail would return, or the error it would throw. */
export type DeliveryResult = DeliveryOutcome | { error: Error };

export type Client = Parameters<Parameters<typeof onPooledConnection>[1]>[0];

/** The key of a job's message ("tenant/message", lower case), or the error the job fails with alone. */
export function keyOf(job: ClaimedJob): string | { error: Error } {
  const parsed = ZPayload.safeParse(job.payload);
  if (!parsed.success) return { error: new PermanentIngestionError("invalid email.deliver payload (emailId)") };
  if (!UUID.test(job.tenantId) || !UUID.test(parsed.data.emailId)) return { error: new PermanentIngestionError("invalid email.deliver ids") };
  return `${job.tenantId.toLowerCase()}/${parsed.data.emailId.toLowerCase()}`;
}

/** Opens the transaction and reads and locks the messages of `keys` (checked UUIDs) in one simple query. */
export async function openHeld(client: Client, keys: string[]): Promise<Map<string, Row>> {
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
export async function attemptKey(
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
export async function recordAndCommit(client: Client, records: RecordValues[], now?: Date): Promise<void> {
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
