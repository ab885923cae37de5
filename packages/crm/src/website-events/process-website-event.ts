import { v7 as uuidv7 } from "uuid";
import { ZWebsiteEvent, type WebsiteEvent } from "@real-estate/types";
import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { describeEventEffect, type EventEffect } from "./describe-event";
import { describeIngestionError, enqueueJob, PermanentIngestionError } from "@real-estate/queue";
import { describeContactChanges, upsertEventContact, type EventContactResult } from "./upsert-event-contact";
import { prepareLeadRouting, type AssigneeAlert, type RoutingResult } from "../routing/route-new-lead";
import { pauseLeadPlansInTx } from "../action-plans/pause-lead-plans";
import { prepareEventWebhooks } from "./event-webhooks";
import { getTenantLocaleCached } from "../contacts/tenant-locale";

export type ProcessWebsiteEventResult =
  | {
      outcome: "applied";
      contactId: string;
      leadId: string;
      activityId: string;
      contactCreated: boolean;
      /** Contacts this event showed to be the same person, merged into contactId. */
      mergedContactIds: string[];
      leadCreated: boolean;
      /** Where routing sent a new lead (null when the event updated an open lead). */
      routing: RoutingResult | null;
    }
  /**
   * An event that opens no lead (a viewed home) for a contact with no open lead: the entry is on
   * the contact's timeline only.
   */
  | { outcome: "recorded"; contactId: string; activityId: string; contactCreated: boolean; mergedContactIds: string[] }
  /** The ledger already had this (tenantId, eventId): nothing was changed. */
  | { outcome: "duplicate" };

/** Parses a queued payload; anything that does not validate is a permanent failure. */
export function parseQueuedEvent(options: { tenantId: string; payload: unknown }): WebsiteEvent {
  const parsed = ZWebsiteEvent.safeParse(options.payload);
  if (!parsed.success) throw new PermanentIngestionError(`invalid payload: ${describeIngestionError(parsed.error)}`);
  if (parsed.data.tenantId !== options.tenantId) {
    throw new PermanentIngestionError("invalid payload: event.tenantId does not match the job's tenant");
  }
  return parsed.data;
}

/**
 * Claims the event in the ledger and, when it is new, serialises on the person's identities.
 * The advisory locks are taken in a fixed order (sorted hashes), so two transactions never
 * deadlock on them; they are held until commit. Returns false when the event is a duplicate.
 */
async function insertLedgerAndLock(tx: DbTx, tenantId: string, event: WebsiteEvent, identities: string[], now: Date) {
  const rows = await tx.$queryRaw<{ inserted: bigint; locks: bigint }[]>`
    WITH ledger AS (
      INSERT INTO "IngestedEvent" ("tenantId", "eventId", "eventType", "requestHash", "processedAt")
      VALUES (${tenantId}::uuid, ${event.eventId}, ${event.type},
              (SELECT "requestHash" FROM "IngestionJob" WHERE "tenantId" = ${tenantId}::uuid AND kind = 'website-event' AND "eventId" = ${event.eventId}), ${now}::timestamp(3))
      ON CONFLICT ("tenantId", "eventId") DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ledger) AS inserted,
           (SELECT count(pg_advisory_xact_lock(k))
              FROM (SELECT hashtext(${tenantId} || ':' || i) AS k FROM unnest(${identities}::text[]) AS i ORDER BY 1) AS keys
             WHERE EXISTS (SELECT 1 FROM ledger)) AS locks`;
  return rows[0]!.inserted > 0n;
}

/** Records on the contact's timeline what the event added to an existing contact. */
async function recordContactChanges(tx: DbTx, tenantId: string, event: WebsiteEvent, contact: EventContactResult, now: Date) {
  const change = describeContactChanges(contact);
  if (!change) return;
  await tx.$executeRaw`
    INSERT INTO "Activity" ("tenantId", id, "contactId", type, title, metadata, "eventId", "occurredAt", "createdAt")
    VALUES (${tenantId}::uuid, ${uuidv7({ msecs: now.getTime() })}::uuid, ${contact.contactId}::uuid, 'CONTACT_UPDATED'::"ActivityType", ${change.title},
            ${JSON.stringify(change.metadata)}::jsonb, ${event.eventId}, ${new Date(event.occurredAt)}::timestamp(3), ${now}::timestamp(3))`;
}

export type LeadActivityRow = { leadId: string | null; leadCreated: boolean; activityId: string };

/**
 * Updates the contact's open lead or opens a new one (unless the event opens no lead: then the
 * entry is the contact's alone when no lead is open), adds the timeline entry, completes the ledger row.
 */
async function writeLeadAndActivity(tx: DbTx, tenantId: string, event: WebsiteEvent, effect: EventEffect, contactId: string, now: Date) {
  const newLeadId = uuidv7({ msecs: now.getTime() });
  const activityId = uuidv7({ msecs: now.getTime() });
  const occurredAt = new Date(event.occurredAt);
  const metadata = JSON.stringify(effect.activityMetadata);
  const rows = await tx.$queryRaw<LeadActivityRow[]>`
    WITH open_lead AS (
      SELECT id FROM "Lead"
      WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${contactId}::uuid AND status NOT IN ('WON', 'LOST')
      ORDER BY "lastActivityAt" DESC, id DESC LIMIT 1
    ), updated AS (
      UPDATE "Lead" AS l SET
        "lastActivityAt" = GREATEST(l."lastActivityAt", ${occurredAt}::timestamp(3)),
        message = COALESCE(${effect.message}::text, l.message),
        "listingKey" = COALESCE(l."listingKey", ${effect.listingKey}::text),
        version = l.version + 1,
        "updatedAt" = ${now}::timestamp(3)
      FROM open_lead WHERE l."tenantId" = ${tenantId}::uuid AND l.id = open_lead.id
      RETURNING l.id, false AS created
    ), inserted AS (
      INSERT INTO "Lead" ("tenantId", id, "contactId", status, source, "listingKey", message, "lastActivityAt", "createdAt", "updatedAt")
      SELECT ${tenantId}::uuid, ${newLeadId}::uuid, ${contactId}::uuid, 'NEW'::"LeadStatus", ${effect.leadSource}, ${effect.listingKey}::text, ${effect.message}::text,
             ${occurredAt}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3)
      WHERE NOT EXISTS (SELECT 1 FROM open_lead) AND ${effect.opensLead}::boolean
      RETURNING id, true AS created
    ), lead AS (
      SELECT id, created FROM updated UNION ALL SELECT id, created FROM inserted
    ), activity AS (
      INSERT INTO "Activity" ("tenantId", id, "contactId", "leadId", type, title, body, metadata, "eventId", "occurredAt", "createdAt")
      VALUES (${tenantId}::uuid, ${activityId}::uuid, ${contactId}::uuid, (SELECT id FROM lead), 'WEBSITE_EVENT'::"ActivityType", ${effect.activityTitle},
              ${effect.activityBody}::text, ${metadata}::jsonb, ${event.eventId}, ${occurredAt}::timestamp(3), ${now}::timestamp(3))
      RETURNING id
    ), ledger AS (
      UPDATE "IngestedEvent" SET "contactId" = ${contactId}::uuid, "leadId" = (SELECT id FROM lead), "activityId" = (SELECT id FROM activity)
      WHERE "tenantId" = ${tenantId}::uuid AND "eventId" = ${event.eventId}
      RETURNING 1
    )
    SELECT (SELECT id::text FROM lead) AS "leadId", COALESCE((SELECT created FROM lead), false) AS "leadCreated", (SELECT id::text FROM activity) AS "activityId"
    WHERE EXISTS (SELECT 1 FROM ledger)`;
  const row = rows[0];
  if (!row) throw new Error("lead/activity write returned no row");
  return row;
}

/** The job kind that e-mails the lead's agent (or the owners) about a new inquiry. */
export const LEAD_ALERT_KIND = "lead.alert";

/** Inquiries an agent is alerted to by e-mail (saves of listings and searches are not). */
const ALERTED_EVENT_TYPES = new Set(["lead.submitted", "valuation.requested"]);

/** Partner events in which the person reached out (a message or a call), not just browsed. */
const PARTNER_REPLY_KINDS = new Set(["Property Inquiry", "Seller Inquiry", "General Inquiry", "Incoming Call"]);

/** True when the event is the person writing or calling: on an existing lead, that is a reply. */
export function isReplyEvent(event: WebsiteEvent): boolean {
  if (event.type === "lead.received") return PARTNER_REPLY_KINDS.has(event.payload.kind);
  return ALERTED_EVENT_TYPES.has(event.type);
}

/** True when the lead has an assigned agent or the tenant has an owner: someone to e-mail. */
async function hasAlertRecipient(tx: DbTx, tenantId: string, leadId: string | null): Promise<boolean> {
  if (!leadId) return false;
  const rows = await tx.$queryRaw<{ yes: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "TenantMembership" m
       WHERE m."tenantId" = ${tenantId}::uuid
         AND (m.role = 'OWNER' OR m.id = (SELECT "assignedMembershipId" FROM "Lead" WHERE "tenantId" = ${tenantId}::uuid AND id = ${leadId}::uuid))
    ) AS yes`;
  return rows[0]?.yes ?? false;
}

/**
 * Applies one website event to its tenant's CRM in one transaction, exactly once in effect:
 * ledger row (tenantId + eventId; an existing row makes this a no-op) → the contact holding any
 * of the event's e-mail / E.164 phone (several: merged into the oldest), else created, with the
 * new e-mail or phone added and the change on its timeline → the contact's open lead (status not
 * WON/LOST) updated, or a new NEW lead with the event's source → one WEBSITE_EVENT activity →
 * a new lead routed by the tenant's rules (routeNewLead); an inquiry on an existing lead is the
 * person replying, and pauses the lead's running action plans.
 * for an inquiry, a "lead.alert" job (the agent's e-mail), or the e-mail itself (`writeLeadAlert`).
 * Scoped to `tenantId` (the queued job's tenant) in every statement.
 * Throws PermanentIngestionError for an invalid payload; database errors propagate.
 */
export async function processWebsiteEvent(options: {
  tenantId: string;
  /** The queued payload (validated here against ZWebsiteEvent). */
  event: unknown;
  db?: Db;
  /** Timestamp for createdAt/updatedAt/processedAt (default: now). */
  now?: Date;
  /**
   * Writes an inquiry's new-lead alert inside this transaction instead of queueing a "lead.alert"
   * job to write it (the worker passes the mail package's writer, which finds the recipients
   * itself): the alert is in the outbox exactly when the lead is, without a job of its own.
   */
  writeLeadAlert?: (tx: DbTx, alert: { leadId: string; activityId: string }) => Promise<unknown>;
  /**
   * With writeLeadAlert: reads and renders the alert for the agent a round robin is about to pick
   * (their name left to fill in), so that the turn, the assignment and the alert are one statement
   * and the rule's row stays locked for that statement and the commit only (decision 0057). Null:
   * nothing to render (the lead is gone); the alert is then left to writeLeadAlert.
   */
  prepareAssigneeAlert?: (tx: DbTx, alert: { leadId: string; activityId: string }) => Promise<AssigneeAlert | null>;
}): Promise<ProcessWebsiteEventResult> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  const now = options.now ?? new Date();
  const event = parseQueuedEvent({ tenantId, payload: options.event });
  const tenant = await getTenantLocaleCached(db, tenantId);
  const listingKey = "listingKey" in event.payload && typeof event.payload.listingKey === "string" ? event.payload.listingKey : null;
  const listing = listingKey
    ? await db.listing.findUnique({
        where: { tenantId_ListingKey: { tenantId, ListingKey: listingKey } },
        select: { UnparsedAddress: true, City: true, ListPrice: true, townSlug: true, ListOfficeName: true, ListAgentFullName: true },
      })
    : null;
  const effect = describeEventEffect(event, {
    defaultCountry: tenant.country,
    listing: listing ? { address: listing.UnparsedAddress, city: listing.City, price: listing.ListPrice } : null,
  });
  return db.$transaction(
    async (tx) => {
      const isNew = await insertLedgerAndLock(tx, tenantId, event, effect.identities, now);
      if (!isNew) return { outcome: "duplicate" as const };
      const contact = await upsertEventContact(tx, { tenantId, eventId: event.eventId, effect, now });
      await recordContactChanges(tx, tenantId, event, contact, now);
      const written = await writeLeadAndActivity(tx, tenantId, event, effect, contact.contactId, now);
      // A new lead's routing: its rule found and plan started now, its agent written last (below).
      const assignLead =
        written.leadCreated && written.leadId
          ? await prepareLeadRouting(tx, {
              tenantId,
              leadId: written.leadId,
              contactId: contact.contactId,
              source: effect.leadSource,
              listingKey: effect.listingKey,
              // The listing read above, when it is the lead's.
              listing:
                effect.listingKey !== listingKey
                  ? undefined
                  : listing && {
                      price: listing.ListPrice,
                      townSlug: listing.townSlug,
                      city: listing.City,
                      office: listing.ListOfficeName,
                      agent: listing.ListAgentFullName,
                    },
              timeZone: tenant.timeZone,
              now,
            })
          : null;
      if (!written.leadCreated && written.leadId && isReplyEvent(event)) {
        // The person answered: automatic follow-up steps would now talk past them.
        await pauseLeadPlansInTx(tx, {
          tenantId,
          leadIds: [written.leadId],
          trigger: "reply",
          reason: `The lead replied (${effect.activityTitle}).`,
          actorUserId: null,
          now,
        });
      }
      const emitWebhooks = await prepareEventWebhooks(tx, { tenantId, event, effect, contact, written, routing: assignLead !== null, now });
      const alerted = ALERTED_EVENT_TYPES.has(event.type) && written.leadId !== null;
      // A round robin's agent gets the alert in the turn's own statement: read and rendered now.
      const assigneeAlert =
        alerted && assignLead?.takesTurn && options.writeLeadAlert && options.prepareAssigneeAlert
          ? await options.prepareAssigneeAlert(tx, { leadId: written.leadId!, activityId: written.activityId })
          : null;
      // The agent, as late as possible: a round robin's turn holds its rule's row until commit.
      const assigned = assignLead ? await assignLead(assigneeAlert) : null;
      const routing = assigned ? assigned.routing : null;
      await emitWebhooks(routing);
      if (alerted && written.leadId && options.writeLeadAlert) {
        // Unless a round robin's pick got it with the assignment.
        if (!assigned?.alertWritten) await options.writeLeadAlert(tx, { leadId: written.leadId, activityId: written.activityId });
      } else if (ALERTED_EVENT_TYPES.has(event.type) && (await hasAlertRecipient(tx, tenantId, written.leadId))) {
        // The new-lead e-mail (decision 0012): queued with the lead, written by the worker's
        // "lead.alert" kind; wake: the agent should hear of it within seconds.
        await enqueueJob(tx, {
          tenantId,
          kind: LEAD_ALERT_KIND,
          payload: { leadId: written.leadId, activityId: written.activityId },
          dedupeKey: written.activityId,
        });
      }
      if (!written.leadId) {
        return {
          outcome: "recorded" as const,
          contactId: contact.contactId,
          activityId: written.activityId,
          contactCreated: contact.created,
          mergedContactIds: contact.mergedIds,
        };
      }
      return {
        outcome: "applied" as const,
        contactId: contact.contactId,
        leadId: written.leadId,
        activityId: written.activityId,
        contactCreated: contact.created,
        mergedContactIds: contact.mergedIds,
        leadCreated: written.leadCreated,
        routing,
      };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
