import type { Db } from "@real-estate/db";
import { pgPoolOf } from "@real-estate/db";
import type { EnqueueLookup } from "@real-estate/queue";

/** What the events API answers about an existing contact (Follow Up Boss's person fields). */
export type PartnerEventPerson = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  source: string;
  createdAt: Date;
  updatedAt: Date;
};

// $1 tenantId, $2 e-mail (lower-cased) or null, $3 phone (E.164) or null. The contact holding the
// e-mail among all its e-mails first, else the oldest holding the phone; merged contacts never.
// Timestamps are stored as UTC without a zone: read back as timestamptz so no client shifts them.
const FIND_EVENT_PERSON_SQL = `
    WITH matched AS (
      SELECT e."contactId" AS id, 0 AS rank FROM "ContactEmail" e WHERE e."tenantId" = $1::uuid AND e.email = $2::text
      UNION ALL
      SELECT p."contactId" AS id, 1 AS rank FROM "ContactPhone" p WHERE p."tenantId" = $1::uuid AND p.phone = $3::text
    )
    SELECT c.id::text AS id, c."firstName", c."lastName", c.email, c.phone, c.source,
           c."createdAt" AT TIME ZONE 'UTC' AS "createdAt", c."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"
      FROM matched JOIN "Contact" c ON c."tenantId" = $1::uuid AND c.id = matched.id
     WHERE c."mergedIntoId" IS NULL
     ORDER BY matched.rank, c."createdAt", c.id
     LIMIT 1`;

/**
 * The tenant's live contact an incoming event lands on, matched as findDuplicateContact matches
 * (e-mail first, then phone), in one statement. It runs on every events-API request, so it goes
 * through node-postgres as a named prepared statement when the client is pool-backed (0.3-0.5 ms
 * of client CPU per call against 1.1-1.6 ms for findDuplicateContact's Prisma query, decision
 * 0033); else through Prisma.
 */
export async function findEventPerson(options: { tenantId: string; email: string | null; phone: string | null; db: Db }): Promise<PartnerEventPerson | null> {
  const { tenantId, email, phone, db } = options;
  if (!email && !phone) return null;
  const values = [tenantId, email || null, phone || null];
  const pool = pgPoolOf(db);
  const rows = pool
    ? ((await pool.query({ name: "crm_find_event_person", text: FIND_EVENT_PERSON_SQL, values })).rows as PartnerEventPerson[])
    : await db.$queryRawUnsafe<PartnerEventPerson[]>(FIND_EVENT_PERSON_SQL, ...values);
  return rows[0] ?? null;
}

// The same match as one read of the events API's enqueue statement (enqueueWebsiteEventWithLookup):
// there $1 is the enqueue's tenantId as well, the e-mail and phone come after its own six
// parameters, and the columns are named apart from the enqueue's.
const EVENT_PERSON_LOOKUP_SQL = FIND_EVENT_PERSON_SQL.replace(/\$2::text/g, "$7::text")
  .replace(/\$3::text/g, "$8::text")
  .replace(
    /SELECT c\.id::text AS id, c\."firstName", c\."lastName", c\.email, c\.phone, c\.source,\s*c\."createdAt" AT TIME ZONE 'UTC' AS "createdAt", c\."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"/,
    `SELECT c.id::text AS "personId", c."firstName" AS "personFirstName", c."lastName" AS "personLastName", c.email AS "personEmail",
           c.phone AS "personPhone", c.source AS "personSource", c."createdAt" AT TIME ZONE 'UTC' AS "personCreatedAt",
           c."updatedAt" AT TIME ZONE 'UTC' AS "personUpdatedAt"`,
  );
if (!EVENT_PERSON_LOOKUP_SQL.includes('"personId"') || EVENT_PERSON_LOOKUP_SQL.includes("$2") || EVENT_PERSON_LOOKUP_SQL.includes("$3")) {
  throw new Error("find-event-person: the enqueue's person lookup could not be derived from FIND_EVENT_PERSON_SQL");
}

/** The columns the lookup adds to the enqueue's row (all null when no contact matched). */
export type EventPersonLookupRow = {
  personId: string | null;
  personFirstName: string | null;
  personLastName: string | null;
  personEmail: string | null;
  personPhone: string | null;
  personSource: string | null;
  personCreatedAt: Date | null;
  personUpdatedAt: Date | null;
};

/** findEventPerson as a read of the enqueue's own statement: one round trip for both. */
export function eventPersonLookup(options: { email: string | null; phone: string | null }): EnqueueLookup {
  return { name: "crm_event_person", sql: EVENT_PERSON_LOOKUP_SQL, values: [options.email || null, options.phone || null] };
}

export function eventPersonOf(row: EventPersonLookupRow | null): PartnerEventPerson | null {
  if (!row || row.personId === null) return null;
  return {
    id: row.personId,
    firstName: row.personFirstName,
    lastName: row.personLastName,
    email: row.personEmail,
    phone: row.personPhone,
    source: row.personSource!,
    createdAt: row.personCreatedAt!,
    updatedAt: row.personUpdatedAt!,
  };
}
