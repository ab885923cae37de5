import { v7 as uuidv7 } from "uuid";
import { ZodError } from "zod";
import { normalizePhoneE164 } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { enqueueWebsiteEvent, enqueueWebsiteEventWithLookup, IdempotencyConflictError, isDataExceptionError, requestHash } from "@real-estate/queue";
import { contactSelect, type ContactRow } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { getTenantLocale } from "../contacts/tenant-locale";
import { eventPersonLookup, eventPersonOf, type EventPersonLookupRow, type PartnerEventPerson } from "./find-event-person";
import { partnerEventToWebsiteEvent, type PartnerEventBody } from "./partner-event-body";

export type AcceptPartnerEventResult =
  | {
      ok: true;
      /** 201: a new person will be created; 200: an existing contact is updated (or a replay). */
      status: 200 | 201;
      /** The same request was accepted before (same Idempotency-Key or event id, same body): nothing new stored. */
      replayed: boolean;
      eventId: string;
      /** The contact the event applies to when one exists already. */
      contact: PartnerEventPerson | ContactRow | null;
    }
  | { ok: false; error: "person_not_found" }
  | { ok: false; error: "validation_failed"; fields: Record<string, string[]> }
  | { ok: false; error: "idempotency_conflict"; eventId: string };

/** The ledger key of an events-API request: the client's Idempotency-Key, else the event's own id, else a fresh one. */
export function partnerEventId(options: { idempotencyKey: string | null; body: PartnerEventBody }): string {
  if (options.idempotencyKey) return `v1-events:key:${options.idempotencyKey}`;
  if (options.body.id !== undefined) return `v1-events:id:${options.body.id}`;
  return `v1-events:${uuidv7()}`;
}

function zodFields(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    // Reported on the request's own field names, not the queued event's.
    const path = issue.path
      .join(".")
      .replace(/^payload\.contact\.email$/, "person.emails.0.value")
      .replace(/^payload\.contact\.phone$/, "person.phones.0.value")
      .replace(/^payload\.contact/, "person");
    (fields[path || "body"] ??= []).push(issue.message);
  }
  return fields;
}

/**
 * Accepts a lead source's event (Follow Up Boss `POST /v1/events` semantics): checks a given
 * person id, queues the event durably (idempotent on `eventId`, bound to a fingerprint of what
 * was sent) and tells whether it lands on an existing contact. Nothing is stored unless the
 * answer is ok. The queued event is applied by the ingestion worker like a website lead.
 */
export async function acceptPartnerEvent(options: {
  tenantId: string;
  body: PartnerEventBody;
  /** The body exactly as parsed from JSON (the idempotency fingerprint). */
  sent: unknown;
  idempotencyKey: string | null;
  /** The tenant's country for phone numbers when the caller knows it (the request's tenant); else read. */
  country?: string;
  now?: Date;
  db?: Db;
}): Promise<AcceptPartnerEventResult> {
  const db = options.db ?? getDb();
  const { tenantId, body } = options;
  const now = options.now ?? new Date();
  let byId: ContactRow | null = null;
  if (body.person.id !== undefined) {
    const id = String(body.person.id);
    byId = isUuid(id) ? await db.contact.findFirst({ where: { tenantId, id, mergedIntoId: null }, select: contactSelect }) : null;
    if (!byId) return { ok: false, error: "person_not_found" };
  }
  const eventId = partnerEventId({ idempotencyKey: options.idempotencyKey, body });
  const event = partnerEventToWebsiteEvent({ tenantId, eventId, body, now });
  const payload = event.payload as { contact: { email?: string; phone?: string } };
  if (byId && !payload.contact.email && !payload.contact.phone) {
    // Only the id: the event goes to that contact through its primary e-mail or phone.
    if (byId.email) payload.contact.email = byId.email;
    else if (byId.phone) payload.contact.phone = byId.phone;
  }
  const hash = requestHash({ api: "v1/events", sent: options.sent });
  const email = payload.contact.email ?? null;
  let created: boolean;
  let existing: PartnerEventPerson | ContactRow | null = byId;
  try {
    if (byId || (!email && !payload.contact.phone)) {
      ({ created } = await enqueueWebsiteEvent({ tenantId, event, requestHash: hash, db }));
    } else {
      // The contact the event lands on is read in the enqueue's own statement (decision 0049):
      // one round trip. It sees the contacts as they were just before the event was queued.
      const country = options.country ?? (await getTenantLocale(db, tenantId)).country;
      const phone = normalizePhoneE164(payload.contact.phone, country);
      let lookup: EventPersonLookupRow | null;
      ({ created, lookup } = await enqueueWebsiteEventWithLookup<EventPersonLookupRow>({
        tenantId,
        event,
        requestHash: hash,
        lookup: eventPersonLookup({ email, phone }),
        found: (row) => row.personId !== null,
        db,
      }));
      existing = eventPersonOf(lookup);
    }
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, error: "validation_failed", fields: zodFields(error) };
    if (error instanceof IdempotencyConflictError) return { ok: false, error: "idempotency_conflict", eventId };
    // Text PostgreSQL refuses for what it is (NUL, half a surrogate pair): a retry would fail the same way.
    if (isDataExceptionError(error)) return { ok: false, error: "validation_failed", fields: { body: ["contains text that cannot be stored"] } };
    throw error;
  }
  return { ok: true, status: created && !existing ? 201 : 200, replayed: !created, eventId, contact: existing };
}
