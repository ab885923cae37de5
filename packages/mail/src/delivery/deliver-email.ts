import { z } from "zod";
import { v7 as uuidv7 } from "uuid";
import { onPooledConnection, pgPoolOf, type Db } from "@real-estate/db";
import { PermanentIngestionError, scrubPersonalData, TransientIngestionError, type ClaimedJob, type JobRetryPolicy } from "@real-estate/queue";
import MailComposer from "nodemailer/lib/mail-composer";
import type { MailTransport } from "./smtp-transport";

const ZPayload = z.object({ emailId: z.uuid() });

/** E-mail delivery retries: 8 attempts over about four hours, 5xx answers are permanent. */
export const EMAIL_RETRY_POLICY: JobRetryPolicy = {
  attempts: 8,
  backoffMs: [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000],
  classify: (error) => {
    const code = smtpCodeOf(error);
    if (code !== null) return code >= 500 ? "permanent" : "transient";
    return undefined;
  },
};

/** The SMTP reply code of a nodemailer error, when the server answered. */
export function smtpCodeOf(error: unknown): number | null {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" ? code : null;
}

export class SmtpRefusedError extends Error {
  constructor(
    readonly code: number,
    readonly response: string,
  ) {
    super(`SMTP ${code}: ${scrubPersonalData(response)}`.slice(0, 500));
    this.name = "SmtpRefusedError";
  }
  get responseCode() {
    return this.code;
  }
  get errorClass() {
    return this.code >= 500 ? ("permanent" as const) : ("transient" as const);
  }
}

type Row = {
  tenantId: string;
  id: string;
  status: string;
  category: string;
  template: string;
  toAddress: string;
  toName: string | null;
  fromAddress: string;
  fromName: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  messageId: string;
  contactId: string | null;
  leadId: string | null;
  suppressed: string | null;
};

export type DeliveryOutcome = { outcome: "applied"; status: "SENT" | "SUPPRESSED" } | { outcome: "duplicate" };

/** Longest a delivery may hold its message (SMTP connection, greeting and socket timeouts are 10-30 s). */
const DELIVERY_HOLD_MS = 90_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The message read and locked, with its suppression, in one statement; `tenant` and `email` are the SQL of the two ids. */
function holdSql(tenant: string, email: string): string {
  return holdWhereSql(`m."tenantId" = ${tenant} AND m.id = ${email}`);
}

/** The messages read and locked, with their suppressions, in one statement; `where` selects them. */
function holdWhereSql(where: string): string {
  return `SELECT m.id::text AS id, m.status::text AS status, m.category, m.template, m."toAddress", m."toName", m."fromAddress", m."fromName", m."replyTo",
           m."tenantId"::text AS "tenantId", m.subject, m.html, m.text, m.headers, m."messageId", m."contactId"::text AS "contactId", m."leadId"::text AS "leadId",
           (SELECT s.reason FROM "EmailSuppression" s
             WHERE s."tenantId" = m."tenantId" AND s.address = lower(m."toAddress") AND (s.scope = 'all' OR (s.scope = 'marketing' AND m.category = 'marketing'))
             LIMIT 1) AS suppressed
      FROM "EmailMessage" m WHERE ${where}
       FOR UPDATE OF m SKIP LOCKED`;
}

const HELD_ELSEWHERE_SQL = `SELECT count(*)::int AS n FROM "EmailMessage" WHERE "tenantId" = $1::uuid AND id = $2::uuid`;

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

type Pool = NonNullable<ReturnType<typeof pgPoolOf>>;

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

/** What one attempt writes on its message (RECORD_SQL's parameters, by name). */
type RecordValues = {
  tenantId: string;
  emailId: string;
  status: "SENT" | "SUPPRESSED" | "FAILED" | "QUEUED";
  smtpCode: number | null;
  smtpResponse: string | null;
  error: string | null;
  now: Date;
  suppress: boolean;
  activityId: string | null;
  toAddress: string;
  contactId: string | null;
  leadId: string | null;
  activityTitle: string;
  activityMetadata: string;
};

type Attempt = { record: RecordValues | null; result: DeliveryOutcome | { error: Error } };

/**
 * One attempt at a held message: nothing for a repeat (SENT or SUPPRESSED), SUPPRESSED for a
 * suppressed address, else the SMTP conversation; says what to record and what the job's result
 * is, and writes nothing itself.
 */
async function attemptHeld(
  m: Row,
  options: { tenantId: string; transport: MailTransport; job: ClaimedJob; now?: Date; compose?: <T>(build: () => Promise<T>) => Promise<T> },
): Promise<Attempt> {
  const { tenantId, job } = options;
  // Already delivered by an earlier attempt: nothing to do.
  if (m.status === "SENT" || m.status === "SUPPRESSED") return { record: null, result: { outcome: "duplicate" } };
  const now = () => options.now ?? new Date();
  if (m.suppressed) {
    return {
      record: outcomeValues(tenantId, m, { status: "SUPPRESSED", smtpCode: null, smtpResponse: null, error: `address suppressed (${m.suppressed})` }, now()),
      result: { outcome: "applied", status: "SUPPRESSED" },
    };
  }
  let response: string;
  try {
    // Composed to one buffer first and handed to the transport whole: the SMTP DATA goes out
    // in a few socket writes instead of one per encoded piece (the same bytes either way).
    const composed = new MailComposer({
      from: { name: m.fromName, address: m.fromAddress },
      to: m.toName ? { name: m.toName, address: m.toAddress } : m.toAddress,
      replyTo: m.replyTo ?? undefined,
      subject: m.subject,
      html: m.html,
      text: m.text,
      messageId: `<${m.messageId}>`,
      headers: m.headers,
    }).compile();
    const raw = await (options.compose ? options.compose(() => composed.build()) : composed.build());
    const info = await options.transport.sendMail({ envelope: composed.getEnvelope(), raw, messageId: `<${m.messageId}>` });
    response = info.response ?? "250 accepted";
  } catch (error) {
    const code = smtpCodeOf(error);
    const answer = String((error as { response?: unknown }).response ?? (error as Error).message ?? error).slice(0, 1000);
    const permanent = code !== null && code >= 500;
    const last = job.attempts >= (EMAIL_RETRY_POLICY.attempts ?? job.maxAttempts);
    const record = outcomeValues(
      tenantId,
      m,
      { status: permanent || last ? "FAILED" : "QUEUED", smtpCode: code, smtpResponse: answer, error: answer },
      now(),
      permanent,
    );
    if (code !== null) return { record, result: { error: new SmtpRefusedError(code, answer) } };
    return { record, result: { error: new TransientIngestionError(`SMTP delivery failed: ${scrubPersonalData(answer)}`, { cause: error }) } };
  }
  return {
    record: outcomeValues(
      tenantId,
      m,
      { status: "SENT", smtpCode: Number(/^\d{3}/.exec(response)?.[0] ?? 250), smtpResponse: response.slice(0, 1000), error: null },
      now(),
    ),
    result: { outcome: "applied", status: "SENT" },
  };
}

const ACTIVITY_TITLE = {
  SENT: "E-mail sent",
  SUPPRESSED: "E-mail not sent (address suppressed)",
  FAILED: "E-mail could not be delivered",
  QUEUED: "",
} as const;

/** The attempt's outcome on message `m`, with its timeline entry when final and the message has a contact. */
function outcomeValues(
  tenantId: string,
  m: Row,
  o: { status: "SENT" | "SUPPRESSED" | "FAILED" | "QUEUED"; smtpCode: number | null; smtpResponse: string | null; error: string | null },
  now: Date,
  suppress = false,
): RecordValues {
  const final = o.status !== "QUEUED";
  return {
    tenantId,
    emailId: m.id,
    status: o.status,
    smtpCode: o.smtpCode,
    smtpResponse: o.smtpResponse,
    error: o.error,
    now,
    suppress,
    activityId: final && m.contactId ? uuidv7({ msecs: now.getTime() }) : null,
    toAddress: m.toAddress,
    contactId: m.contactId,
    leadId: m.leadId,
    activityTitle: `${ACTIVITY_TITLE[o.status]}: ${m.subject}`.slice(0, 300),
    activityMetadata: JSON.stringify({ emailId: m.id, template: m.template, status: o.status, to: m.toAddress, subject: m.subject, smtp: o.smtpResponse }),
  };
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
    // The messages are composed one after the other, each handed to the SMTP transport as soon as
    // it is ready: built all at once, their encodings interleave and the first goes out only when
    // the last is built.
    let composing: Promise<unknown> = Promise.resolve();
    const compose = <T>(build: () => Promise<T>): Promise<T> => {
      const built = composing.then(build);
      composing = built.catch(() => undefined);
      return built;
    };
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
        attemptHeld(m, { tenantId: job.tenantId, transport: options.transport, job, now: options.now, compose }).then((attempt) => {
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
