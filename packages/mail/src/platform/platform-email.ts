// The platform's own mail (decision 0035): e-mail to platform accounts that no tenant sends or
// owns, such as a studio operator's password reset. The durable queue is tenant-keyed, so these
// messages have their own table, PlatformEmail, and their own sender: the message is stored
// first (rendered, with its Message-ID), then sent at once by the process that stored it; the
// worker's sweep sends what that process could not (it died, or the relay was down).
import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "@real-estate/db";
import { scrubPersonalData } from "@real-estate/queue";
import type { Branding } from "../branding/load-branding";
import { mailSettings } from "../delivery/mail-settings";
import { smtpCodeOf } from "../delivery/email-attempt";
import { createSmtpTransport, type MailTransport } from "../delivery/smtp-transport";
import { renderEmail, type EmailTemplates } from "../templates/render-email";

/** Templates the platform sends (transactional only: the platform sends no marketing). */
export type PlatformTemplate = "password-reset";

/** Attempts per platform message (the first at once, then the worker's sweep). */
export const PLATFORM_EMAIL_ATTEMPTS = 5;

/** The sweep sends a queued message only while it is this young: a reset link is dead after an hour. */
export const PLATFORM_EMAIL_MAX_AGE_MS = 60 * 60_000;

/** The sweep leaves a message this long to the process that stored it before it steps in. */
const SWEEP_GRACE_MS = 30_000;

const ZAddress = z.email().max(254);

/** How platform mail looks and who sends it: the platform's name at the platform's mail domain. */
export function platformBranding(options: { studioUrl: string }): Branding {
  const { fromDomain } = mailSettings();
  const url = options.studioUrl.replace(/\/+$/, "");
  return {
    tenantId: "platform",
    slug: "platform",
    name: "Platform Studio",
    primaryColor: "#111827",
    accentColor: "#2563eb",
    logoUrl: null,
    address: null,
    fromName: "Platform Studio",
    fromAddress: `studio@${fromDomain}`,
    replyTo: null,
    webUrl: url,
    crmUrl: url,
  };
}

export type QueuedPlatformEmail = { id: string; messageId: string; created: boolean };

/**
 * Stores one platform message, rendered with the platform's branding. One message per
 * `dedupeKey`, ever: a repeat stores nothing and answers `created: false`.
 */
export async function queuePlatformEmail<T extends PlatformTemplate>(
  db: Db,
  options: { template: T; props: EmailTemplates[T]; userId: string; to: string; dedupeKey: string; brand: Branding; now?: Date },
): Promise<QueuedPlatformEmail> {
  const to = ZAddress.parse(options.to.trim()).toLowerCase();
  const rendered = await renderEmail(options.template, options.props, options.brand);
  const { fromDomain } = mailSettings();
  const messageId = `${crypto.createHash("sha256").update(`platform\n${options.dedupeKey}`).digest("hex").slice(0, 32)}@${fromDomain}`;
  const now = options.now ?? new Date();
  // DO NOTHING, not a no-op DO UPDATE: an update would lock the stored row, and a delivery of it
  // starting at that moment (FOR UPDATE SKIP LOCKED) would skip it and leave it to the sweep.
  const inserted = await db.$queryRaw<{ id: string; messageId: string }[]>`
    INSERT INTO "PlatformEmail" (id, template, "userId", "toAddress", "fromAddress", "fromName", subject, html, text, "messageId", "dedupeKey", "createdAt", "updatedAt")
    VALUES (${crypto.randomUUID()}::uuid, ${options.template}, ${options.userId}, ${to}, ${options.brand.fromAddress}, ${options.brand.fromName},
            ${rendered.subject}, ${rendered.html}, ${rendered.text}, ${messageId}, ${options.dedupeKey}, ${now}::timestamp(3), ${now}::timestamp(3))
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id::text AS id, "messageId"`;
  if (inserted[0]) return { ...inserted[0], created: true };
  // A separate statement: its snapshot sees a row committed by a concurrent insert of the same key.
  const existing = await db.$queryRaw<{ id: string; messageId: string }[]>`
    SELECT id::text AS id, "messageId" FROM "PlatformEmail" WHERE "dedupeKey" = ${options.dedupeKey}`;
  if (!existing[0]) throw new Error(`platform e-mail ${options.dedupeKey}: neither stored nor found`);
  return { ...existing[0], created: false };
}

type Row = {
  id: string;
  status: string;
  attempts: number;
  toAddress: string;
  fromAddress: string;
  fromName: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
};

export type PlatformDelivery = "SENT" | "QUEUED" | "FAILED" | "skipped";

/**
 * Sends one stored platform message with its stored Message-ID and records the answer: SENT; on
 * a 5xx, or after the last attempt, FAILED; otherwise still QUEUED for the sweep. The row stays
 * locked (FOR UPDATE, one transaction) from the status check until the outcome is written, so
 * the sender and the sweep never both send it; a message already SENT or FAILED, or held by
 * another delivery, is `skipped`.
 */
export async function deliverPlatformEmail(db: Db, options: { id: string; transport?: MailTransport; now?: () => Date }): Promise<PlatformDelivery> {
  const now = options.now ?? (() => new Date());
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Row[]>`
        SELECT id::text AS id, status::text AS status, attempts, "toAddress", "fromAddress", "fromName", subject, html, text, "messageId"
          FROM "PlatformEmail" WHERE id = ${options.id}::uuid FOR UPDATE SKIP LOCKED`;
      const m = rows[0];
      if (!m || m.status !== "QUEUED") return "skipped";
      let status: "SENT" | "QUEUED" | "FAILED";
      let code: number | null;
      let answer: string;
      try {
        const info = await (options.transport ?? platformTransport()).sendMail({
          from: { name: m.fromName, address: m.fromAddress },
          to: m.toAddress,
          subject: m.subject,
          html: m.html,
          text: m.text,
          messageId: `<${m.messageId}>`,
        });
        answer = (info.response ?? "250 accepted").slice(0, 1000);
        code = Number(/^\d{3}/.exec(answer)?.[0] ?? 250);
        status = "SENT";
      } catch (error) {
        code = smtpCodeOf(error);
        answer = scrubPersonalData(String((error as { response?: unknown }).response ?? (error as Error).message ?? error)).slice(0, 1000);
        status = (code !== null && code >= 500) || m.attempts + 1 >= PLATFORM_EMAIL_ATTEMPTS ? "FAILED" : "QUEUED";
      }
      const at = now();
      await tx.$executeRaw`
        UPDATE "PlatformEmail" SET status = ${status}::"EmailStatus", attempts = attempts + 1, "smtpCode" = ${code}, "smtpResponse" = ${answer},
               "lastError" = ${status === "SENT" ? null : answer},
               "sentAt" = CASE WHEN ${status} = 'SENT' THEN ${at}::timestamp(3) ELSE "sentAt" END,
               "failedAt" = CASE WHEN ${status} = 'FAILED' THEN ${at}::timestamp(3) ELSE "failedAt" END, "updatedAt" = ${at}::timestamp(3)
         WHERE id = ${m.id}::uuid`;
      return status;
    },
    { timeout: 90_000, maxWait: 10_000 },
  );
}

/**
 * The worker's sweep: sends the queued platform messages the storing process did not (it died
 * between storing and sending, or the relay refused for now), oldest first, each at most
 * PLATFORM_EMAIL_ATTEMPTS times. A message older than PLATFORM_EMAIL_MAX_AGE_MS is not sent any
 * more (its link has expired): FAILED.
 */
export async function sweepPlatformEmails(
  db: Db,
  options: { transport?: MailTransport; now?: Date; limit?: number } = {},
): Promise<{ sent: number; failed: number; expired: number; queued: number }> {
  const now = options.now ?? new Date();
  const expired = await db.$executeRaw`
    UPDATE "PlatformEmail" SET status = 'FAILED', "failedAt" = ${now}::timestamp(3), "updatedAt" = ${now}::timestamp(3),
           "lastError" = 'not sent within the hour its link works'
     WHERE status = 'QUEUED' AND "createdAt" < ${new Date(now.getTime() - PLATFORM_EMAIL_MAX_AGE_MS)}::timestamp(3)`;
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM "PlatformEmail"
     WHERE status = 'QUEUED' AND "updatedAt" <= ${new Date(now.getTime() - SWEEP_GRACE_MS)}::timestamp(3)
     ORDER BY "createdAt" LIMIT ${options.limit ?? 100}`;
  const totals = { sent: 0, failed: 0, expired, queued: 0 };
  for (const { id } of due) {
    const outcome = await deliverPlatformEmail(db, { id, transport: options.transport, now: () => options.now ?? new Date() });
    if (outcome === "SENT") totals.sent++;
    else if (outcome === "FAILED") totals.failed++;
    else if (outcome === "QUEUED") totals.queued++;
  }
  return totals;
}

let cached: { url: string; transport: MailTransport } | null = null;

/** One pooled transport per process for SMTP_URL (re-made when SMTP_URL changes). */
function platformTransport(): MailTransport {
  const url = mailSettings().smtpUrl;
  if (cached?.url !== url) {
    cached?.transport.close?.();
    cached = { url, transport: createSmtpTransport({ url, maxConnections: 1 }) };
  }
  return cached.transport;
}
