import crypto from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import type { Db, DbTx } from "@real-estate/db";
import { enqueueJobs } from "@real-estate/queue";
import { loadBranding, type Branding } from "../branding/load-branding";
import { mailSettings } from "../delivery/mail-settings";
import { renderEmail, TEMPLATE_CATEGORY, type EmailTemplateName, type EmailTemplates } from "../templates/render-email";

/** The job kind that delivers one outbox message. */
export const EMAIL_DELIVER_KIND = "email.deliver";

export type OutgoingEmail<T extends EmailTemplateName = EmailTemplateName> = {
  template: T;
  props: EmailTemplates[T];
  to: { address: string; name?: string | null };
  /** The CRM contact whose timeline shows this e-mail. */
  contactId?: string | null;
  leadId?: string | null;
  visitorId?: string | null;
  /**
   * One message per (tenant, dedupeKey), ever: a repeat of the business event that causes the
   * e-mail (a re-run job, a double click) queues nothing new. Default: none (always a new message).
   */
  dedupeKey?: string;
  /** Marketing mail: the one-click unsubscribe endpoint (RFC 8058) and the preferences page. */
  unsubscribeUrl?: string;
};

export type QueuedEmail = { id: string; messageId: string; created: boolean };

const ZAddress = z.email().max(254);

export class MissingUnsubscribeError extends Error {
  constructor(template: string) {
    super(`${template} is marketing mail: it needs an unsubscribeUrl`);
    this.name = "MissingUnsubscribeError";
  }
}

function messageIdFor(tenantId: string, dedupeKey: string | undefined, domain: string): string {
  const local = dedupeKey ? crypto.createHash("sha256").update(`${tenantId}\n${dedupeKey}`).digest("hex").slice(0, 32) : uuidv7().replace(/-/g, "");
  return `${local}@${domain}`;
}

/**
 * Writes e-mails to the outbox of one tenant, rendered (HTML and text) with the tenant's
 * branding, and queues their delivery, inside the caller's transaction when `db` is one: the
 * messages exist exactly when the business change that caused them committed. One INSERT for
 * the messages and one for their delivery jobs, whatever the count. Results in input order.
 */
export async function queueEmails(
  db: Db | DbTx,
  options: { tenantId: string; emails: readonly OutgoingEmail[]; brand?: Branding; now?: Date },
): Promise<QueuedEmail[]> {
  if (options.emails.length === 0) return [];
  const brand = options.brand ?? (await loadBranding(db, options.tenantId));
  if (brand.tenantId !== options.tenantId) throw new Error("queueEmails: branding of another tenant");
  const { fromDomain } = mailSettings();
  const now = options.now ?? new Date();
  const prepared = await Promise.all(
    options.emails.map(async (e) => {
      const category = TEMPLATE_CATEGORY[e.template];
      if (category === "marketing" && !e.unsubscribeUrl) throw new MissingUnsubscribeError(e.template);
      const rendered = await renderEmail(e.template, e.props, brand);
      const headers: Record<string, string> = {};
      if (category === "marketing" && e.unsubscribeUrl) {
        headers["List-Unsubscribe"] = `<${e.unsubscribeUrl}>`;
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
      }
      return {
        id: uuidv7({ msecs: now.getTime() }),
        messageId: messageIdFor(options.tenantId, e.dedupeKey, fromDomain),
        template: e.template,
        category,
        to: ZAddress.parse(e.to.address.trim()).toLowerCase(),
        toName: e.to.name ?? null,
        headers: JSON.stringify(headers),
        contactId: e.contactId ?? null,
        leadId: e.leadId ?? null,
        visitorId: e.visitorId ?? null,
        ...rendered,
      };
    }),
  );
  const rows = await db.$queryRaw<{ id: string; messageId: string; created: boolean }[]>`
    WITH input AS (
      SELECT * FROM unnest(${prepared.map((p) => p.id)}::uuid[], ${prepared.map((p) => p.messageId)}::text[], ${prepared.map((p) => p.template)}::text[],
                           ${prepared.map((p) => p.category)}::text[], ${prepared.map((p) => p.to)}::text[], ${prepared.map((p) => p.toName)}::text[],
                           ${prepared.map((p) => p.subject)}::text[], ${prepared.map((p) => p.html)}::text[], ${prepared.map((p) => p.text)}::text[],
                           ${prepared.map((p) => p.headers)}::jsonb[], ${prepared.map((p) => p.contactId)}::uuid[], ${prepared.map((p) => p.leadId)}::uuid[],
                           ${prepared.map((p) => p.visitorId)}::uuid[])
        AS i(id, "messageId", template, category, "toAddress", "toName", subject, html, text, headers, "contactId", "leadId", "visitorId")
    ), ins AS (
      INSERT INTO "EmailMessage" ("tenantId", id, "messageId", template, category, "toAddress", "toName", "fromAddress", "fromName", "replyTo",
                                  subject, html, text, headers, "contactId", "leadId", "visitorId", "createdAt", "updatedAt")
      SELECT ${options.tenantId}::uuid, id, "messageId", template, category, "toAddress", "toName", ${brand.fromAddress}, ${brand.fromName}, ${brand.replyTo},
             subject, html, text, headers, "contactId", "leadId", "visitorId", ${now}::timestamp(3), ${now}::timestamp(3)
        FROM input
      ON CONFLICT ("tenantId", "messageId") DO UPDATE SET "messageId" = EXCLUDED."messageId"
      RETURNING id::text AS id, "messageId", (xmax = 0) AS created
    )
    SELECT id, "messageId", created FROM ins`;
  const byMessageId = new Map(rows.map((r) => [r.messageId, r]));
  const seen = new Set<string>();
  const results = prepared.map((p) => {
    const row = byMessageId.get(p.messageId)!;
    const created = row.created && !seen.has(p.messageId);
    seen.add(p.messageId);
    return { id: row.id, messageId: row.messageId, created };
  });
  const fresh = results.filter((r) => r.created);
  if (fresh.length) {
    await enqueueJobs(db, { tenantId: options.tenantId, jobs: fresh.map((r) => ({ kind: EMAIL_DELIVER_KIND, payload: { emailId: r.id }, dedupeKey: r.id })) });
  }
  return results;
}

/** Writes one e-mail to the outbox and queues its delivery (see queueEmails). */
export async function queueEmail<T extends EmailTemplateName>(
  db: Db | DbTx,
  options: { tenantId: string; brand?: Branding; now?: Date } & OutgoingEmail<T>,
): Promise<QueuedEmail> {
  const { tenantId, brand, now, ...email } = options;
  const [result] = await queueEmails(db, { tenantId, brand, now, emails: [email as OutgoingEmail] });
  return result!;
}
