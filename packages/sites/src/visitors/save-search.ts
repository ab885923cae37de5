import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { loadSearchContext, type SearchContext } from "../listings/parse-search";
import { findSavedSearchChanges } from "../saved-search-alerts/find-saved-search-changes";
import { recordSavedSearchListings } from "../saved-search-alerts/record-saved-search-listings";
import { normalizeSavedSearch } from "./normalize-saved-search";
import { lockVisitorForSaves, VISITOR_SAVE_LIMITS } from "./visitor-limits";

export type SaveSearchResult =
  | { ok: true; id: string; created: boolean; queryKey: string; query: Record<string, string> }
  | { ok: false; error: "invalid"; fields: Record<string, string> }
  | { ok: false; error: "saved_search_limit"; limit: number };

/**
 * Saves a search for the visitor under a name, in the search page's own form (see
 * normalizeSavedSearch); what the page would ignore is refused with the parameter named. Equal
 * searches save once, however they were typed (one row even when saved at the same moment):
 * saving it again renames it and answers `created: false`. A new search records what it matches
 * now (the alerts' baseline), so its alerts tell only of listings new or changed after it.
 * A visitor keeps at most VISITOR_SAVE_LIMITS.savedSearches: a new one past it answers
 * `saved_search_limit` and nothing is written, while saving one already kept still renames it.
 * Counting and inserting happen under the visitor's row lock, so saves at once cannot pass it.
 */
export async function saveSearch(options: {
  tenantId: string;
  visitorId: string;
  name: string;
  query: Record<string, string | undefined>;
  /** What the tenant's listings offer (loaded when not given). */
  context?: SearchContext;
  db?: Db;
}): Promise<SaveSearchResult> {
  const db = options.db ?? getDb();
  const { tenantId, visitorId } = options;
  const context = options.context ?? (await loadSearchContext({ tenantId, db }));
  const normalized = normalizeSavedSearch(options.query, context);
  if (!normalized.ok) return { ok: false, error: "invalid", fields: normalized.fields };
  const { queryKey, query } = normalized;
  const limit = VISITOR_SAVE_LIMITS.savedSearches;
  const row = await db.$transaction(async (tx) => {
    await lockVisitorForSaves(tx, tenantId, visitorId);
    const [kept] = await tx.$queryRaw<{ others: number; present: boolean }[]>`
      SELECT (count(*) FILTER (WHERE "queryKey" <> ${queryKey}))::int AS others, coalesce(bool_or("queryKey" = ${queryKey}), false) AS present
      FROM "SavedSearch" WHERE "tenantId" = ${tenantId}::uuid AND "visitorId" = ${visitorId}::uuid`;
    if (!kept!.present && kept!.others >= limit) return null;
    const rows = await tx.$queryRaw<{ id: string; created: boolean }[]>`
      INSERT INTO "SavedSearch" ("tenantId", id, "visitorId", name, "queryKey", query)
      VALUES (${tenantId}::uuid, gen_random_uuid(), ${visitorId}::uuid, ${options.name}, ${queryKey}, ${JSON.stringify(query)}::jsonb)
      ON CONFLICT ("tenantId", "visitorId", "queryKey") DO UPDATE SET name = EXCLUDED.name
      RETURNING id, (xmax = 0) AS created`;
    return rows[0]!;
  });
  if (!row) return { ok: false, error: "saved_search_limit", limit };
  if (row.created) {
    // What the search matches now is what the visitor has seen: alerts tell of what comes after.
    const { matched } = await findSavedSearchChanges(db, { tenantId, savedSearchId: row.id, query, context });
    await recordSavedSearchListings(db, { tenantId, savedSearchId: row.id, listings: matched, emailId: null, baseline: true });
  }
  return { ok: true, id: row.id, created: row.created, queryKey, query };
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
