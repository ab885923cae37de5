import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "../shared/is-uuid";

/** What the person did with a home on the website. */
export type HomeInterestKind = "viewed" | "saved";

/** One home the person viewed or saved on the website, from their timeline. */
export type HomeInterest = { activityId: string; kind: HomeInterestKind; listingKey: string; occurredAt: Date };

const KIND_OF_EVENT: Record<string, HomeInterestKind> = { "listing.viewed": "viewed", "listing.saved": "saved" };

/**
 * The homes a contact viewed and saved on the website (their `listing.viewed` and `listing.saved`
 * timeline entries), newest first, at most `limit` (default 20, at most 100). An id that is not a
 * uuid, or another tenant's contact, has none.
 */
export async function listHomesOfInterest(options: { tenantId: string; contactId: string; limit?: number; db?: Db }): Promise<HomeInterest[]> {
  const db = options.db ?? getDb();
  if (!isUuid(options.contactId)) return [];
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const rows = await db.$queryRaw<{ id: string; eventType: string; listingKey: string; occurredAt: Date }[]>`
    SELECT id::text, metadata->>'eventType' AS "eventType", metadata->>'listingKey' AS "listingKey", "occurredAt"
      FROM "Activity"
     WHERE "tenantId" = ${options.tenantId}::uuid AND "contactId" = ${options.contactId}::uuid
       AND type = 'WEBSITE_EVENT'::"ActivityType"
       AND metadata->>'eventType' IN ('listing.viewed', 'listing.saved')
       AND metadata->>'listingKey' IS NOT NULL
     ORDER BY "occurredAt" DESC, id DESC
     LIMIT ${limit}`;
  return rows.map((r) => ({ activityId: r.id, kind: KIND_OF_EVENT[r.eventType]!, listingKey: r.listingKey, occurredAt: r.occurredAt }));
}
