import crypto from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import type { DbTx } from "@real-estate/db";
import { PermanentIngestionError } from "@real-estate/queue";
import { currentRequestId, isRequestId } from "@real-estate/types/request-context";
import { loadBrandingCached, type Branding } from "../branding/load-branding";
import { mailSettings } from "../delivery/mail-settings";
import { EMAIL_DELIVER_KIND, queueEmails, type QueuedEmail } from "../outbox/queue-emails";
import { renderEmail, TEMPLATE_CATEGORY } from "../templates/render-email";
import type { LeadAlertProps } from "../templates/lead-alert";

/** The job kind crm queues with a lead's new inquiry; its handler writes the alert e-mails. */
export const LEAD_ALERT_KIND = "lead.alert";

export const ZLeadAlertPayload = z.object({ leadId: z.uuid(), activityId: z.uuid() });

type LeadRow = {
  leadId: string;
  contactId: string;
  message: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  activityTitle: string | null;
  eventType: string | null;
  /** The assigned agent, or every owner when the lead is unassigned; by address. */
  recipients: Recipient[];
  listing: ListingRow | null;
};
type Recipient = { email: string; name: string | null; membershipId: string };
type ListingRow = { ListingKey: string; UnparsedAddress: string; City: string; StateOrProvince: string; ListPrice: number; Media: { url?: string }[] };

const ACTIONS: Record<string, string> = {
  "lead.submitted": "sent a request from your website",
  "valuation.requested": "asked for a home valuation",
};

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/**
 * Writes the new-lead alert for one inquiry to the outbox: to the lead's assigned agent, or to
 * every owner of the tenant when the lead is unassigned, each addressed and greeted by the name
 * of their member profile in this tenant (decision 0040), else their account's. Who (name, e-mail, phone), what they
 * asked, the listing with its address and photo, a link to the lead in the CRM. One message per
 * (inquiry, recipient), ever (dedupe key), so a re-run writes nothing new. The payload of a
 * "lead.alert" job (leadId, activityId), validated here.
 */
export async function composeLeadAlert(tx: DbTx, options: { tenantId: string; payload: unknown }): Promise<QueuedEmail[]> {
  const parsed = ZLeadAlertPayload.safeParse(options.payload);
  if (!parsed.success) throw new PermanentIngestionError("invalid lead.alert payload");
  return writeLeadAlert(tx, { tenantId: options.tenantId, ...parsed.data });
}

/**
 * composeLeadAlert for ids the caller has just written: the worker calls it inside the
 * transaction that applies the inquiry, so the alert is in the outbox exactly when the lead is.
 * One read (the lead, its person, the inquiry's activity, the recipients and the listing), the
 * tenant's branding from a short cache (loadBrandingCached), one render, one write for the
 * messages and one for their delivery jobs.
 */
export async function writeLeadAlert(tx: DbTx, options: { tenantId: string; leadId: string; activityId: string }): Promise<QueuedEmail[]> {
  const { tenantId, activityId } = options;
  const lead = await readLead(tx, options);
  if (!lead) return []; // erased since: nobody to tell about
  const recipients = lead.recipients;
  if (recipients.length === 0) return [];
  const brand = await loadBrandingCached(tx, tenantId);
  return queueEmails(tx, {
    tenantId,
    brand,
    emails: recipients.map((r) => ({
      template: "lead-alert" as const,
      to: { address: r.email, name: r.name },
      contactId: lead.contactId,
      leadId: lead.leadId,
      dedupeKey: `${dedupePrefix(activityId)}${r.membershipId}`,
      props: alertProps(lead, brand, r.name),
    })),
  });
}

const dedupePrefix = (activityId: string) => `lead-alert:${activityId}:`;

/**
 * The new-lead alert of an inquiry whose lead a round robin is about to give to one of its
 * members, read and rendered before the turn with a random token where the recipient's name
 * goes; crm's round-robin assignment statement puts in the member's name (HTML-escaped in the
 * HTML) and address and writes the message and its delivery job, as writeLeadAlert would have
 * (same message, same Message-ID and dedupe key) (decision 0057). Null when the lead is gone.
 */
export async function prepareAssigneeLeadAlert(tx: DbTx, options: { tenantId: string; leadId: string; activityId: string }) {
  const { tenantId, activityId } = options;
  const lead = await readLead(tx, options);
  if (!lead) return null;
  const brand = await loadBrandingCached(tx, tenantId);
  const nameToken = `recipient${crypto.randomUUID().replace(/-/g, "")}`;
  const rendered = await renderEmail("lead-alert", alertProps(lead, brand, nameToken), brand);
  return {
    id: uuidv7(),
    template: "lead-alert",
    category: TEMPLATE_CATEGORY["lead-alert"],
    fromAddress: brand.fromAddress,
    fromName: brand.fromName,
    replyTo: brand.replyTo,
    ...rendered,
    headers: "{}",
    contactId: lead.contactId,
    leadId: lead.leadId,
    nameToken,
    dedupePrefix: dedupePrefix(activityId),
    messageIdDomain: mailSettings().fromDomain,
    deliverKind: EMAIL_DELIVER_KIND,
    requestId: isRequestId(currentRequestId()) ? currentRequestId() : null,
  };
}

/** The lead, its person, the inquiry's activity, the recipients and the listing, in one read. */
async function readLead(tx: DbTx, options: { tenantId: string; leadId: string; activityId: string }): Promise<LeadRow | undefined> {
  const { tenantId, leadId, activityId } = options;
  const leads = await tx.$queryRaw<LeadRow[]>`
    SELECT l.id::text AS "leadId", l."contactId"::text AS "contactId", l.message,
           c."firstName", c."lastName", c.email, c.phone, a.title AS "activityTitle", a.metadata->>'eventType' AS "eventType",
           COALESCE((SELECT json_agg(json_build_object('email', u.email, 'name', COALESCE(NULLIF(btrim(m."displayName"), ''), u.name), 'membershipId', m.id::text) ORDER BY u.email)
                       FROM "TenantMembership" m JOIN "user" u ON u.id = m."userId"
                      WHERE m."tenantId" = l."tenantId"
                        AND (CASE WHEN l."assignedMembershipId" IS NOT NULL THEN m.id = l."assignedMembershipId" ELSE m.role = 'OWNER' END)), '[]'::json) AS recipients,
           (SELECT json_build_object('ListingKey', s."ListingKey", 'UnparsedAddress', s."UnparsedAddress", 'City', s."City",
                                     'StateOrProvince', s."StateOrProvince", 'ListPrice', s."ListPrice", 'Media', s."Media")
              FROM "Listing" s WHERE s."tenantId" = l."tenantId" AND s."ListingKey" = l."listingKey") AS listing
      FROM "Lead" l JOIN "Contact" c ON c."tenantId" = l."tenantId" AND c.id = l."contactId"
      LEFT JOIN "Activity" a ON a."tenantId" = l."tenantId" AND a.id = ${activityId}::uuid
     WHERE l."tenantId" = ${tenantId}::uuid AND l.id = ${leadId}::uuid`;
  return leads[0];
}

function alertProps(lead: LeadRow, brand: Branding, recipientName: string | null): LeadAlertProps {
  const listing = lead.listing ?? undefined;
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || lead.phone || "Someone";
  const photo = listing?.Media?.[0]?.url;
  return {
    recipientName,
    person: { name, email: lead.email, phone: lead.phone },
    action: ACTIONS[lead.eventType ?? ""] ?? lead.activityTitle ?? "sent a request",
    message: lead.message,
    listing: listing
      ? {
          address: listing.UnparsedAddress,
          price: usd.format(listing.ListPrice),
          photoUrl: photo ? (photo.startsWith("http") ? photo : `${brand.webUrl}${photo}`) : null,
          url: `${brand.webUrl}/homes/${encodeURIComponent(listing.ListingKey)}`,
        }
      : null,
    leadUrl: `${brand.crmUrl}/leads/${lead.leadId}`,
  };
}
