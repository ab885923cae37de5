import type { Db, DbTx } from "@real-estate/db";

export type AlertFrequency = "INSTANT" | "DAILY";

export type AlertingSavedSearch = {
  id: string;
  name: string;
  query: Record<string, string>;
  visitorId: string;
  email: string;
  visitorName: string | null;
};

/**
 * A tenant's saved searches whose alerts go out at `frequency` and may be mailed: the visitor
 * agreed to alerts (preferences.emailAlerts) and proved the address. Suppressions (an
 * unsubscribe, a bounce) are checked again when each message is delivered.
 */
export async function listAlertingSavedSearches(db: Db | DbTx, options: { tenantId: string; frequency: AlertFrequency }): Promise<AlertingSavedSearch[]> {
  return db.$queryRaw<AlertingSavedSearch[]>`
    SELECT s.id::text AS id, s.name, s.query, v.id::text AS "visitorId", v.email, v.name AS "visitorName"
      FROM "SavedSearch" s JOIN "Visitor" v ON v."tenantId" = s."tenantId" AND v.id = s."visitorId"
     WHERE s."tenantId" = ${options.tenantId}::uuid AND s."alertFrequency" = ${options.frequency}::"SavedSearchAlertFrequency"
       AND v."emailVerifiedAt" IS NOT NULL AND (v.preferences->>'emailAlerts') = 'true'
     ORDER BY s.id`;
}

/**
 * Locks one saved search for its alert check (until the transaction ends), so two workers
 * checking at once take turns and the second finds the first one's record. False when the search
 * was deleted meanwhile.
 */
export async function lockSavedSearch(tx: DbTx, options: { tenantId: string; savedSearchId: string }): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM "SavedSearch" WHERE "tenantId" = ${options.tenantId}::uuid AND id = ${options.savedSearchId}::uuid FOR UPDATE`;
  return rows.length > 0;
}
