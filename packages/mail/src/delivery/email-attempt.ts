// What a delivery of one outbox message is, whether it runs alone (deliver-email.ts) or in a
// batch (deliver-emails.ts, prepare-deliveries.ts): the job's payload and retry policy, the locked read of a message,
// and one attempt at it (the SMTP conversation and the outcome to record, written by the caller).
import { z } from "zod";
import { v7 as uuidv7 } from "uuid";
import { pgPoolOf } from "@real-estate/db";
import { scrubPersonalData, TransientIngestionError, type ClaimedJob, type JobRetryPolicy } from "@real-estate/queue";
import type { MailTransport } from "./smtp-transport";

export const ZPayload = z.object({ emailId: z.uuid() });

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

export type Row = {
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
export const DELIVERY_HOLD_MS = 90_000;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The messages read and locked, with their suppressions, in one statement; `where` selects them. */
export function holdWhereSql(where: string): string {
  return `SELECT m.id::text AS id, m.status::text AS status, m.category, m.template, m."toAddress", m."toName", m."fromAddress", m."fromName", m."replyTo",
           m."tenantId"::text AS "tenantId", m.subject, m.html, m.text, m.headers, m."messageId", m."contactId"::text AS "contactId", m."leadId"::text AS "leadId",
           (SELECT s.reason FROM "EmailSuppression" s
             WHERE s."tenantId" = m."tenantId" AND s.address = lower(m."toAddress") AND (s.scope = 'all' OR (s.scope = 'marketing' AND m.category = 'marketing'))
             LIMIT 1) AS suppressed
      FROM "EmailMessage" m WHERE ${where}
       FOR UPDATE OF m SKIP LOCKED`;
}

export const HELD_ELSEWHERE_SQL = `SELECT count(*)::int AS n FROM "EmailMessage" WHERE "tenantId" = $1::uuid AND id = $2::uuid`;

export type Pool = NonNullable<ReturnType<typeof pgPoolOf>>;

/** What one attempt writes on its message (RECORD_SQL's parameters, by name). */
export type RecordValues = {
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

export type Attempt = { record: RecordValues | null; result: DeliveryOutcome | { error: Error } };

/**
 * One attempt at a held message: nothing for a repeat (SENT or SUPPRESSED), SUPPRESSED for a
 * suppressed address, else the SMTP conversation; says what to record and what the job's result
 * is, and writes nothing itself.
 */
export async function attemptHeld(m: Row, options: { tenantId: string; transport: MailTransport; job: ClaimedJob; now?: Date }): Promise<Attempt> {
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
    // The transport composes the message as it sends it, as nodemailer does for any caller:
    // composing it to one buffer first and handing that over as raw bytes made nodemailer carry
    // the finished message through a second MIME tree and stream pipeline (decision 0059).
    const info = await options.transport.sendMail({
      from: { name: m.fromName, address: m.fromAddress },
      to: m.toName ? { name: m.toName, address: m.toAddress } : m.toAddress,
      replyTo: m.replyTo ?? undefined,
      subject: m.subject,
      html: m.html,
      text: m.text,
      messageId: `<${m.messageId}>`,
      headers: m.headers,
    });
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
export function outcomeValues(
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
