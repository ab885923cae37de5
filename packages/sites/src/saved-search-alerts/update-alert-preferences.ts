import { z } from "zod";
import type { Db, DbTx } from "@real-estate/db";

export const ZAlertFrequency = z.enum(["OFF", "INSTANT", "DAILY"]);
export type AlertFrequencyChoice = z.infer<typeof ZAlertFrequency>;

/** Turns the visitor's saved-search alerts on or off (preferences.emailAlerts), keeping the other preferences. False: no such visitor. */
export async function setVisitorEmailAlerts(db: Db | DbTx, options: { tenantId: string; visitorId: string; emailAlerts: boolean }): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Visitor" SET preferences = COALESCE(preferences, '{}'::jsonb) || jsonb_build_object('emailAlerts', ${options.emailAlerts}::boolean), "updatedAt" = now()
     WHERE "tenantId" = ${options.tenantId}::uuid AND id = ${options.visitorId}::uuid`;
  return n > 0;
}

/** How often one of the visitor's saved searches alerts; false when the search is not the visitor's. */
export async function setSavedSearchAlertFrequency(
  db: Db,
  options: { tenantId: string; visitorId: string; savedSearchId: string; frequency: AlertFrequencyChoice },
): Promise<boolean> {
  if (!z.uuid().safeParse(options.savedSearchId).success) return false;
  const r = await db.savedSearch.updateMany({
    where: { tenantId: options.tenantId, visitorId: options.visitorId, id: options.savedSearchId },
    data: { alertFrequency: ZAlertFrequency.parse(options.frequency) },
  });
  return r.count > 0;
}

/** The visitor's saved searches with their alert frequency, newest first (the preferences page). */
export async function listSavedSearchAlertSettings(db: Db, options: { tenantId: string; visitorId: string }) {
  return db.savedSearch.findMany({
    where: { tenantId: options.tenantId, visitorId: options.visitorId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, queryKey: true, alertFrequency: true, lastAlertAt: true },
    take: 200,
  });
}
