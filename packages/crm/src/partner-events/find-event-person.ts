import type { Db } from "@real-estate/db";
import { pgPoolOf } from "@real-estate/db";

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
