import { z } from "zod";
import type { DbTx } from "@real-estate/db";
import { PermanentIngestionError } from "@real-estate/queue";
import { loadBranding } from "../branding/load-branding";
import { queueEmails, type QueuedEmail } from "../outbox/queue-emails";

/** The job kind crm queues with a lead's new inquiry; its handler writes the alert e-mails. */
export const LEAD_ALERT_KIND = "lead.alert";

export const ZLeadAlertPayload = z.object({ leadId: z.uuid(), activityId: z.uuid() });

type LeadRow = {
  leadId: string;
  contactId: string;
  message: string | null;
  listingKey: string | null;
  assignedMembershipId: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  activityTitle: string;
  eventType: string | null;
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
 * every owner of the tenant when the lead is unassigned. Who (name, e-mail, phone), what they
 * asked, the listing with its address and photo, a link to the lead in the CRM. One message per
 * (inquiry, recipient), ever (dedupe key), so a re-run writes nothing new.
 */
export async function composeLeadAlert(tx: DbTx, options: { tenantId: string; payload: unknown }): Promise<QueuedEmail[]> {
  const parsed = ZLeadAlertPayload.safeParse(options.payload);
  if (!parsed.success) throw new PermanentIngestionError("invalid lead.alert payload");
  const { tenantId } = options;
  const { leadId, activityId } = parsed.data;
  const leads = await tx.$queryRaw<LeadRow[]>`
    SELECT l.id::text AS "leadId", l."contactId"::text AS "contactId", l.message, l."listingKey", l."assignedMembershipId"::text AS "assignedMembershipId",
           c."firstName", c."lastName", c.email, c.phone, a.title AS "activityTitle", a.metadata->>'eventType' AS "eventType"
      FROM "Lead" l JOIN "Contact" c ON c."tenantId" = l."tenantId" AND c.id = l."contactId"
      LEFT JOIN "Activity" a ON a."tenantId" = l."tenantId" AND a.id = ${activityId}::uuid
     WHERE l."tenantId" = ${tenantId}::uuid AND l.id = ${leadId}::uuid`;
  const lead = leads[0];
  if (!lead) return []; // erased since: nobody to tell about
  const recipients = await tx.$queryRaw<Recipient[]>`
    SELECT u.email, u.name, m.id::text AS "membershipId"
      FROM "TenantMembership" m JOIN "user" u ON u.id = m."userId"
     WHERE m."tenantId" = ${tenantId}::uuid
       AND (CASE WHEN ${lead.assignedMembershipId}::uuid IS NOT NULL THEN m.id = ${lead.assignedMembershipId}::uuid ELSE m.role = 'OWNER' END)
     ORDER BY u.email`;
  if (recipients.length === 0) return [];
  const brand = await loadBranding(tx, tenantId);
  let listing: ListingRow | undefined;
  if (lead.listingKey) {
    listing = (
      await tx.$queryRaw<ListingRow[]>`
        SELECT "ListingKey", "UnparsedAddress", "City", "StateOrProvince", "ListPrice", "Media" FROM "Listing"
         WHERE "tenantId" = ${tenantId}::uuid AND "ListingKey" = ${lead.listingKey}`
    )[0];
  }
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || lead.phone || "Someone";
  const photo = listing?.Media?.[0]?.url;
  return queueEmails(tx, {
    tenantId,
    brand,
    emails: recipients.map((r) => ({
      template: "lead-alert" as const,
      to: { address: r.email, name: r.name },
      contactId: lead.contactId,
      leadId: lead.leadId,
      dedupeKey: `lead-alert:${activityId}:${r.membershipId}`,
      props: {
        recipientName: r.name,
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
      },
    })),
  });
}
