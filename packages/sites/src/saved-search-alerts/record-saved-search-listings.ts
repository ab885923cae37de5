import type { Db, DbTx } from "@real-estate/db";

/**
 * Records what a saved search has told its visitor (each listing's price and status), in one
 * statement, and stamps the search: `baseline` for the first check (nothing mailed), otherwise
 * the alert e-mail that told it. Run in the transaction that queues that e-mail, so a change is
 * recorded exactly when its alert is.
 */
export async function recordSavedSearchListings(
  db: Db | DbTx,
  options: {
    tenantId: string;
    savedSearchId: string;
    listings: readonly { listingKey: string; listPrice: number; standardStatus: string }[];
    emailId: string | null;
    baseline?: boolean;
    now?: Date;
  },
): Promise<void> {
  const { tenantId, savedSearchId, listings } = options;
  const now = options.now ?? new Date();
  if (listings.length) {
    await db.$executeRaw`
      INSERT INTO "SavedSearchListing" ("tenantId", "savedSearchId", "listingKey", "listPrice", "standardStatus", "emailId", "updatedAt")
      SELECT ${tenantId}::uuid, ${savedSearchId}::uuid, k, p, s, ${options.emailId}::uuid, ${now}::timestamp(3)
        FROM unnest(${listings.map((l) => l.listingKey)}::text[], ${listings.map((l) => l.listPrice)}::int[], ${listings.map((l) => l.standardStatus)}::text[]) AS i(k, p, s)
      ON CONFLICT ("tenantId", "savedSearchId", "listingKey")
      DO UPDATE SET "listPrice" = EXCLUDED."listPrice", "standardStatus" = EXCLUDED."standardStatus", "emailId" = EXCLUDED."emailId", "updatedAt" = EXCLUDED."updatedAt"`;
  }
  await db.savedSearch.updateMany({
    where: { tenantId, id: savedSearchId },
    data: options.baseline ? { alertBaselineAt: now } : { lastAlertAt: now },
  });
}
