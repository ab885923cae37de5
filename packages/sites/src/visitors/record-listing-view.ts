import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/** How long after a recorded view of a listing another view of it by the same visitor is not recorded (default). */
export const LISTING_VIEW_THROTTLE_SECONDS = 30 * 60;

export type RecordListingViewResult =
  | { ok: true; recorded: true; viewedAt: Date; previousAt: Date | null }
  /** Within the throttle window: nothing changed; the next view is recorded from `nextAt`. */
  | { ok: true; recorded: false; nextAt: Date }
  | { ok: false; error: "listing_not_found" };

/**
 * Records that the visitor viewed one of the tenant's listings, at most once per listing per
 * `throttleSeconds` (default LISTING_VIEW_THROTTLE_SECONDS): the claim is one upsert that only
 * moves `lastRecordedAt` when the last one is older than the window, so concurrent requests
 * record one view between them. A listing key the tenant does not have answers `listing_not_found`.
 */
export async function recordListingView(options: {
  tenantId: string;
  visitorId: string;
  listingKey: string;
  now?: Date;
  throttleSeconds?: number;
  db?: Db;
}): Promise<RecordListingViewResult> {
  const db = options.db ?? getDb();
  const { tenantId, visitorId, listingKey } = options;
  const now = options.now ?? new Date();
  const windowMs = (options.throttleSeconds ?? LISTING_VIEW_THROTTLE_SECONDS) * 1000;
  const listing = await db.listing.findUnique({ where: { tenantId_ListingKey: { tenantId, ListingKey: listingKey } }, select: { id: true } });
  if (!listing) return { ok: false, error: "listing_not_found" };
  const cutoff = new Date(now.getTime() - windowMs);
  const rows = await db.$queryRaw<{ previousAt: Date | null }[]>`
    WITH before AS (
      SELECT "lastRecordedAt" FROM "ListingView"
       WHERE "tenantId" = ${tenantId}::uuid AND "visitorId" = ${visitorId}::uuid AND "listingKey" = ${listingKey}
    )
    INSERT INTO "ListingView" ("tenantId", id, "visitorId", "listingKey", "lastRecordedAt")
    VALUES (${tenantId}::uuid, gen_random_uuid(), ${visitorId}::uuid, ${listingKey}, ${now}::timestamp(3))
    ON CONFLICT ("tenantId", "visitorId", "listingKey") DO UPDATE
       SET "lastRecordedAt" = EXCLUDED."lastRecordedAt", "recordedCount" = "ListingView"."recordedCount" + 1
     WHERE "ListingView"."lastRecordedAt" <= ${cutoff}::timestamp(3)
    RETURNING (SELECT "lastRecordedAt" FROM before) AS "previousAt"`;
  if (rows.length > 0) return { ok: true, recorded: true, viewedAt: now, previousAt: rows[0]!.previousAt };
  const last = await db.listingView.findUnique({
    where: { tenantId_visitorId_listingKey: { tenantId, visitorId, listingKey } },
    select: { lastRecordedAt: true },
  });
  return { ok: true, recorded: false, nextAt: new Date((last?.lastRecordedAt ?? now).getTime() + windowMs) };
}

/**
 * Takes back a view recorded at `viewedAt` (its event could not be queued), so the next view is
 * recorded again; a later view recorded meanwhile is left alone.
 */
export async function releaseListingView(options: {
  tenantId: string;
  visitorId: string;
  listingKey: string;
  viewedAt: Date;
  previousAt: Date | null;
  db?: Db;
}): Promise<void> {
  const db = options.db ?? getDb();
  const { tenantId, visitorId, listingKey } = options;
  await db.$executeRaw`
    UPDATE "ListingView" SET "lastRecordedAt" = COALESCE(${options.previousAt}::timestamp(3), 'epoch'::timestamp), "recordedCount" = "recordedCount" - 1
     WHERE "tenantId" = ${tenantId}::uuid AND "visitorId" = ${visitorId}::uuid AND "listingKey" = ${listingKey}
       AND "lastRecordedAt" = ${options.viewedAt}::timestamp(3)`;
}
