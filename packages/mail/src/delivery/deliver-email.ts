import { onPooledConnection, pgPoolOf, type Db } from "@real-estate/db";
import { PermanentIngestionError, TransientIngestionError, type ClaimedJob } from "@real-estate/queue";
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

export { EMAIL_RETRY_POLICY, SmtpRefusedError, smtpCodeOf, type DeliveryOutcome } from "./email-attempt";

/** The message read and locked, with its suppression, in one statement; `tenant` and `email` are the SQL of the two ids. */
function holdSql(tenant: string, email: string): string {
  return holdWhereSql(`m."tenantId" = ${tenant} AND m.id = ${email}`);
}

/**
 * The attempt's outcome on the message (only while it is not SENT/SUPPRESSED, so a late repeat
 * cannot overwrite a delivery), a suppression for a permanent refusal, and a timeline entry for a
 * final outcome, in one statement. $1 tenant, $2 message, $3 status, $4 SMTP code, $5 SMTP
 * answer, $6 error, $7 now, $8 suppress, $9 activity id (null: none), $10 to-address,
 * $11 contact, $12 lead, $13 activity title, $14 activity metadata.
 */
const RECORD_SQL = `
    WITH upd AS (
      UPDATE "EmailMessage" SET status = $3::text::"EmailStatus", attempts = attempts + 1, "smtpCode" = $4::int, "smtpResponse" = $5::text,
             "lastError" = $6::text, "sentAt" = CASE WHEN $3::text = 'SENT' THEN $7::timestamp(3) ELSE "sentAt" END,
             "failedAt" = CASE WHEN $3::text = 'FAILED' THEN $7::timestamp(3) ELSE "failedAt" END, "updatedAt" = $7::timestamp(3)
       WHERE "tenantId" = $1::uuid AND id = $2::uuid AND status IN ('QUEUED', 'FAILED')
      RETURNING 1
    ), sup AS (
      INSERT INTO "EmailSuppression" ("tenantId", address, scope, reason, detail, "createdAt")
      SELECT $1::uuid, lower($10::text), 'all', 'bounce', $5::text, $7::timestamp(3) WHERE $8::boolean AND EXISTS (SELECT 1 FROM upd)
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), act AS (
      INSERT INTO "Activity" ("tenantId", id, "contactId", "leadId", type, title, metadata, "occurredAt", "createdAt")
      SELECT $1::uuid, $9::uuid, $11::uuid, $12::uuid, 'EMAIL'::"ActivityType", $13::text, $14::jsonb, $7::timestamp(3), $7::timestamp(3)
       WHERE $9::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM upd)
         AND EXISTS (SELECT 1 FROM "Contact" c WHERE c."tenantId" = $1::uuid AND c.id = $11::uuid)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM upd) AS upd, (SELECT count(*) FROM sup) AS sup, (SELECT count(*) FROM act) AS act`;

/** The three things a delivery does inside its transaction, on whichever connection holds it. */
type Held = {
  /** The message, locked (null: locked by another delivery, or gone). */
  hold(): Promise<Row | null>;
  heldElsewhere(): Promise<boolean>;
  record(values: unknown[]): Promise<void>;
};

/**
 * Delivers one outbox message (job kind "email.deliver"). A message already SENT or SUPPRESSED is
 * a repeat and sends nothing. A suppressed address (bounced before, or unsubscribed from
 * marketing) is not mailed: SUPPRESSED. Otherwise the message goes out with its stored
 * Message-ID (a repeat after a crash carries the same one); the answer is kept: SENT, or on a 5xx
 * FAILED with the address suppressed (permanent: dead-lettered), or on a 4xx / connection error
 * still QUEUED for the retry (FAILED after the last attempt). Each outcome is added to the
 * contact's CRM timeline when the message has a contact.
 *
 * The message's row stays locked (FOR UPDATE, in one transaction) from the status check until
 * the outcome is written: a second delivery of the same message (its job reclaimed after the
 * lease ran out while the SMTP server was slow) skips the locked row and retries later, when it
 * finds SENT. A worker that dies mid-delivery drops its connection and with it the lock.
 *
 * On a pool-backed client (createPrismaClient) the transaction runs on one node-postgres
 * connection in three round trips: BEGIN, the hold timeout and the locked read in one simple
 * query (the two ids are checked UUIDs, written into the text), the outcome as a named prepared
 * statement, COMMIT. Otherwise the same statements run in a Prisma transaction.
 */
export async function deliverEmail(options: { db: Db; transport: MailTransport; job: ClaimedJob; now?: Date }): Promise<DeliveryOutcome> {
  const { db, job } = options;
  const parsed = ZPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentIngestionError("invalid email.deliver payload (emailId)");
  const tenantId = job.tenantId;
  const emailId = parsed.data.emailId;
  // Both ids are written into the locking statement's text on the node-postgres path.
  if (!UUID.test(tenantId) || !UUID.test(emailId)) throw new PermanentIngestionError("invalid email.deliver ids");
  const attempt = (held: Held) => deliverHeld(held, { ...options, tenantId });
  const pool = pgPoolOf(db);
  const result = pool
    ? await inPgTransaction(pool, tenantId, emailId, attempt)
    : await db.$transaction(
        (tx) =>
          attempt({
            hold: async () => (await tx.$queryRawUnsafe<Row[]>(holdSql("$1::uuid", "$2::uuid"), tenantId, emailId))[0] ?? null,
            heldElsewhere: async () => Boolean((await tx.$queryRawUnsafe<{ n: number }[]>(HELD_ELSEWHERE_SQL, tenantId, emailId))[0]?.n),
            record: async (values) => void (await tx.$queryRawUnsafe(RECORD_SQL, ...values)),
          }),
        { timeout: DELIVERY_HOLD_MS, maxWait: 10_000 },
      );
  // Thrown after the commit, so the failed attempt's record is kept.
  if ("error" in result) throw result.error;
  return result;
}

function inPgTransaction<T>(pool: Pool, tenantId: string, emailId: string, attempt: (held: Held) => Promise<T>): Promise<T> {
  return onPooledConnection(pool, async (client) => {
    // The session ends (and with it the lock) if the transaction sits idle longer than a delivery may hold its message.
    const opened = await client.query(
      `BEGIN; SET LOCAL idle_in_transaction_session_timeout = ${DELIVERY_HOLD_MS}; ${holdSql(`'${tenantId}'::uuid`, `'${emailId}'::uuid`)}`,
    );
    const rows = ((Array.isArray(opened) ? opened.at(-1) : opened) as { rows: Row[] }).rows;
    const value = await attempt({
      hold: async () => rows[0] ?? null,
      heldElsewhere: async () =>
        Boolean((await client.query<{ n: number }>({ name: "mail_delivery_held", text: HELD_ELSEWHERE_SQL, values: [tenantId, emailId] })).rows[0]?.n),
      record: async (values) => void (await client.query({ name: "mail_delivery_record", text: RECORD_SQL, values })),
    });
    await client.query("COMMIT");
    return value;
  });
}

async function deliverHeld(
  held: Held,
  options: { tenantId: string; transport: MailTransport; job: ClaimedJob; now?: Date },
): Promise<DeliveryOutcome | { error: Error }> {
  const m = await held.hold();
  if (!m) {
    // Another delivery of this message is in flight: try again later (it will find SENT).
    if (await held.heldElsewhere()) return { error: new TransientIngestionError("another delivery of this message is in flight") };
    // Erased with its person: nothing to do.
    return { outcome: "duplicate" };
  }
  const attempt = await attemptHeld(m, options);
  if (attempt.record) await held.record(recordParams(attempt.record));
  return attempt.result;
}

/** RECORD_SQL's positional parameters. */
function recordParams(r: RecordValues): unknown[] {
  return [
    r.tenantId,
    r.emailId,
    r.status,
    r.smtpCode,
    r.smtpResponse,
    r.error,
    r.now.toISOString(),
    r.suppress,
    r.activityId,
    r.toAddress,
    r.contactId,
    r.leadId,
    r.activityTitle,
    r.activityMetadata,
  ];
}
