import { ZWebsiteEvent, type TWebsiteEvent } from "@real-estate/types";
import type { Db, DbTx } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { describeEventEffect, type EventEffect } from "./describe-event";
import { describeIngestionError, PermanentIngestionError } from "./errors";
import { uuidV7 } from "./uuid-v7";

export type ProcessWebsiteEventResult =
  | {
      outcome: "applied";
      contactId: string;
      leadId: string;
      activityId: string;
      contactCreated: boolean;
      leadCreated: boolean;
    }
  /** The ledger already had this (tenantId, eventId): nothing was changed. */
  | { outcome: "duplicate" };

/** Parses a queued payload; anything that does not validate is a permanent failure. */
export function parseQueuedEvent(options: { tenantId: string; payload: unknown }): TWebsiteEvent {
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
async function insertLedgerAndLock(tx: DbTx, tenantId: string, event: TWebsiteEvent, identities: string[], now: Date) {
  const rows = await tx.$queryRaw<{ inserted: bigint; locks: bigint }[]>`
    WITH ledger AS (
      INSERT INTO "IngestedEvent" ("tenantId", "eventId", "eventType", "processedAt")
      VALUES (${tenantId}::uuid, ${event.eventId}, ${event.type}, ${now}::timestamp(3))
      ON CONFLICT ("tenantId", "eventId") DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ledger) AS inserted,
           (SELECT count(pg_advisory_xact_lock(k))
              FROM (SELECT hashtext(${tenantId} || ':' || i) AS k FROM unnest(${identities}::text[]) AS i ORDER BY 1) AS keys
             WHERE EXISTS (SELECT 1 FROM ledger)) AS locks`;
  return rows[0]!.inserted > 0n;
}

/**
 * Finds the contact by e-mail, else by phone, and fills in what it lacks; creates it when there
 * is none. The UPDATE row-locks an existing contact, so all work on one contact is serialised
 * even when two events reach it through different identities (one by e-mail, one by phone).
 */
async function upsertContact(tx: DbTx, tenantId: string, effect: EventEffect, now: Date) {
  const { email, phone, firstName, lastName } = effect.person;
  const newId = uuidV7(now.getTime());
  const rows = await tx.$queryRaw<{ id: string; created: boolean }[]>`
    WITH found AS (
      SELECT id FROM (
        SELECT id, 1 AS rank, "createdAt" FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND email = ${email}::text
        UNION ALL
        SELECT id, 2 AS rank, "createdAt" FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND phone = ${phone}::text
      ) AS candidates ORDER BY rank, "createdAt", id LIMIT 1
    ), updated AS (
      UPDATE "Contact" AS c SET
        "firstName" = COALESCE(c."firstName", ${firstName}::text),
        "lastName" = COALESCE(c."lastName", ${lastName}::text),
        email = COALESCE(c.email, ${email}::text),
        phone = COALESCE(c.phone, ${phone}::text),
        "updatedAt" = ${now}::timestamp(3)
      FROM found WHERE c."tenantId" = ${tenantId}::uuid AND c.id = found.id
      RETURNING c.id, false AS created
    ), inserted AS (
      INSERT INTO "Contact" ("tenantId", id, "firstName", "lastName", email, phone, source, "createdAt", "updatedAt")
      SELECT ${tenantId}::uuid, ${newId}::uuid, ${firstName}::text, ${lastName}::text, ${email}::text, ${phone}::text, ${effect.leadSource}, ${now}::timestamp(3), ${now}::timestamp(3)
      WHERE NOT EXISTS (SELECT 1 FROM found)
      RETURNING id, true AS created
    )
    SELECT id::text AS id, created FROM updated UNION ALL SELECT id::text AS id, created FROM inserted`;
  const row = rows[0];
  if (!row) throw new Error("contact upsert returned no row");
  return row;
}

type LeadActivityRow = { leadId: string; leadCreated: boolean; activityId: string };

/** Updates the contact's open lead or opens a new one, adds the timeline entry, completes the ledger row. */
async function writeLeadAndActivity(tx: DbTx, tenantId: string, event: TWebsiteEvent, effect: EventEffect, contactId: string, now: Date) {
  const newLeadId = uuidV7(now.getTime());
  const activityId = uuidV7(now.getTime());
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
        "updatedAt" = ${now}::timestamp(3)
      FROM open_lead WHERE l."tenantId" = ${tenantId}::uuid AND l.id = open_lead.id
      RETURNING l.id, false AS created
    ), inserted AS (
      INSERT INTO "Lead" ("tenantId", id, "contactId", status, source, "listingKey", message, "lastActivityAt", "createdAt", "updatedAt")
      SELECT ${tenantId}::uuid, ${newLeadId}::uuid, ${contactId}::uuid, 'NEW'::"LeadStatus", ${effect.leadSource}, ${effect.listingKey}::text, ${effect.message}::text,
             ${occurredAt}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3)
      WHERE NOT EXISTS (SELECT 1 FROM open_lead)
      RETURNING id, true AS created
    ), lead AS (
      SELECT id, created FROM updated UNION ALL SELECT id, created FROM inserted
    ), activity AS (
      INSERT INTO "Activity" ("tenantId", id, "contactId", "leadId", type, title, body, metadata, "eventId", "occurredAt", "createdAt")
      SELECT ${tenantId}::uuid, ${activityId}::uuid, ${contactId}::uuid, lead.id, 'WEBSITE_EVENT'::"ActivityType", ${effect.activityTitle}, ${effect.activityBody}::text,
             ${metadata}::jsonb, ${event.eventId}, ${occurredAt}::timestamp(3), ${now}::timestamp(3)
      FROM lead
      RETURNING id
    ), ledger AS (
      UPDATE "IngestedEvent" SET "contactId" = ${contactId}::uuid, "leadId" = (SELECT id FROM lead), "activityId" = (SELECT id FROM activity)
      WHERE "tenantId" = ${tenantId}::uuid AND "eventId" = ${event.eventId}
      RETURNING 1
    )
    SELECT lead.id::text AS "leadId", lead.created AS "leadCreated", (SELECT id::text FROM activity) AS "activityId"
    FROM lead WHERE EXISTS (SELECT 1 FROM ledger)`;
  const row = rows[0];
  if (!row) throw new Error("lead/activity write returned no row");
  return row;
}

/**
 * Applies one website event to its tenant's CRM in one transaction, exactly once in effect:
 * ledger row (tenantId + eventId; an existing row makes this a no-op) → contact matched by
 * lower-cased e-mail, else by E.164 phone, else created → the contact's open lead (status not
 * WON/LOST) updated, or a new NEW lead with the event's source → one WEBSITE_EVENT activity.
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
}): Promise<ProcessWebsiteEventResult> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  const now = options.now ?? new Date();
  const event = parseQueuedEvent({ tenantId, payload: options.event });
  const effect = describeEventEffect(event);
  return db.$transaction(
    async (tx) => {
      const isNew = await insertLedgerAndLock(tx, tenantId, event, effect.identities, now);
      if (!isNew) return { outcome: "duplicate" as const };
      const contact = await upsertContact(tx, tenantId, effect, now);
      const written = await writeLeadAndActivity(tx, tenantId, event, effect, contact.id, now);
      return {
        outcome: "applied" as const,
        contactId: contact.id,
        leadId: written.leadId,
        activityId: written.activityId,
        contactCreated: contact.created,
        leadCreated: written.leadCreated,
      };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
