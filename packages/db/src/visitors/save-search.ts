import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { canonicalSearchQuery } from "./visitor-contracts";

/**
 * Saves a search for the visitor under a name. The same search (same canonical query) saves
 * once: saving it again renames it and answers `created: false`.
 */
export async function saveSearch(options: {
  tenantId: string;
  visitorId: string;
  name: string;
  query: Record<string, string | undefined>;
  db?: Db;
}) {
  const db = options.db ?? getDb();
  const { tenantId, visitorId } = options;
  const { queryKey, query } = canonicalSearchQuery(options.query);
  const rows = await db.$queryRaw<{ id: string; created: boolean }[]>`
    INSERT INTO "SavedSearch" ("tenantId", id, "visitorId", name, "queryKey", query)
    VALUES (${tenantId}::uuid, gen_random_uuid(), ${visitorId}::uuid, ${options.name}, ${queryKey}, ${JSON.stringify(query)}::jsonb)
    ON CONFLICT ("tenantId", "visitorId", "queryKey") DO UPDATE SET name = EXCLUDED.name
    RETURNING id, (xmax = 0) AS created`;
  const row = rows[0]!;
  return { id: row.id, created: row.created, queryKey, query };
}

/** Deletes one of the visitor's saved searches; true when there was one. */
export async function removeSavedSearch(options: { tenantId: string; visitorId: string; savedSearchId: string; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  if (!/^[0-9a-f-]{36}$/i.test(options.savedSearchId)) return false;
  const r = await db.savedSearch.deleteMany({ where: { tenantId: options.tenantId, visitorId: options.visitorId, id: options.savedSearchId } });
  return r.count > 0;
}

/** The visitor's saved searches, newest first. */
export async function listSavedSearches(options: { tenantId: string; visitorId: string; db?: Db }) {
  const db = options.db ?? getDb();
  const rows = await db.savedSearch.findMany({
    where: { tenantId: options.tenantId, visitorId: options.visitorId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, queryKey: true, query: true, createdAt: true },
    take: 200,
  });
  return rows.map((r) => ({ ...r, query: r.query as Record<string, string>, createdAt: r.createdAt.toISOString() }));
}
