import type pg from "pg";

const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Gonzalez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
];
const FIRST_NAMES = [
  "Ava",
  "Liam",
  "Olivia",
  "Noah",
  "Emma",
  "Oliver",
  "Sophia",
  "Elijah",
  "Mia",
  "James",
  "Amelia",
  "Lucas",
  "Harper",
  "Mason",
  "Evelyn",
  "Ethan",
];

export type SeededTenant = { tenantId: string; memberships: string[] };

/**
 * Set-based seed of one tenant's CRM (INSERT ... SELECT generate_series): three agents, `leads`
 * leads over two years on `leads / 2` contacts, statuses and sources skewed the way a real
 * pipeline is (most NEW/CONTACTED) and independent of each other (every status occurs with every
 * source), a fifth unassigned.
 */
export async function seedTenantLeads(pool: pg.Pool, tenantId: string, leads: number): Promise<SeededTenant> {
  const users = await pool.query<{ id: string }>(
    `INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
     SELECT 'bench-' || $1 || '-' || g, 'Agent ' || g, 'agent' || g || '-' || $1 || '@bench.example', true, now(), now()
       FROM generate_series(1, 3) AS g RETURNING id`,
    [tenantId],
  );
  const members = await pool.query<{ id: string }>(
    `INSERT INTO "TenantMembership" ("tenantId", id, "userId", role, "createdAt", "updatedAt")
     SELECT $1::uuid, gen_random_uuid(), u, 'AGENT', now(), now() FROM unnest($2::text[]) AS u RETURNING id::text`,
    [tenantId, users.rows.map((u) => u.id)],
  );
  const memberships = members.rows.map((m) => m.id);
  const contacts = Math.max(1, Math.floor(leads / 2));
  await pool.query(
    `INSERT INTO "Contact" ("tenantId", id, "firstName", "lastName", email, phone, source, "createdAt", "updatedAt")
     SELECT $1::uuid, md5($1::text || ':c:' || g)::uuid, ($3::text[])[1 + g % array_length($3::text[], 1)], ($4::text[])[1 + (g / 7) % array_length($4::text[], 1)],
            'c' || g || '@tenant-' || left($1::text, 8) || '.bench.example', '+1203' || lpad((g % 10000000)::text, 7, '0'), 'website_contact',
            now() - ((g * 7919) % 1051200) * interval '1 minute', now()
       FROM generate_series(1, $2::int) AS g`,
    [tenantId, contacts, FIRST_NAMES, LAST_NAMES],
  );
  await pool.query(
    `INSERT INTO "Lead" ("tenantId", id, "contactId", status, source, "assignedMembershipId", "lastActivityAt", "createdAt", "updatedAt")
     SELECT $1::uuid, gen_random_uuid(), md5($1::text || ':c:' || (1 + g % $3::int))::uuid,
            (ARRAY['NEW','NEW','NEW','CONTACTED','CONTACTED','QUALIFIED','NURTURING','UNDER_CONTRACT','WON','LOST'])[1 + (g * 7 + g / 10) % 10]::"LeadStatus",
            (ARRAY['website_contact','website_contact','listing_inquiry','listing_inquiry','valuation','visitor_registration','saved_listing','saved_search','manual','api'])[1 + (g * 3) % 10],
            CASE WHEN g % 5 = 0 THEN NULL ELSE ($4::uuid[])[1 + g % 3] END,
            created + ((g * 13) % 4320) * interval '1 minute', created, now()
       FROM (SELECT g, now() - ((g * 6571) % 1051200) * interval '1 minute' AS created FROM generate_series(1, $2::int) AS g) AS s`,
    [tenantId, leads, contacts, memberships],
  );
  return { tenantId, memberships };
}

/**
 * Bulk-load trick for the bench's own database: drops the secondary indexes of these tables and
 * returns a function that recreates exactly the same definitions (read from pg_indexes), which
 * is much faster than maintaining them row by row during a million-row load.
 */
export async function withoutSecondaryIndexes(pool: pg.Pool, tables: string[]): Promise<() => Promise<void>> {
  const r = await pool.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const row of r.rows) await pool.query(`DROP INDEX "${row.indexname}"`);
  return async () => {
    await Promise.all(
      [0, 1].map(async (lane) => {
        for (const [k, row] of r.rows.entries()) if (k % 2 === lane) await pool.query(row.indexdef);
      }),
    );
  };
}
