import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type ListingDisplayRules = {
  /** Each MLS feed of the tenant: its disclaimer and when it last synced. */
  feeds: { id: string; name: string; disclaimer: string | null; lastSuccessAt: string | null }[];
};

/** What search and listing pages print under the listings, per the MLS's display rules. */
export async function getListingDisplayRules(options: { tenantId: string; db?: Db }): Promise<ListingDisplayRules> {
  const db = options.db ?? getDb();
  const feeds = await db.feed.findMany({
    where: { tenantId: options.tenantId },
    select: { id: true, name: true, disclaimer: true, lastSuccessAt: true },
    orderBy: { name: "asc" },
  });
  return { feeds: feeds.map((f) => ({ ...f, lastSuccessAt: f.lastSuccessAt?.toISOString() ?? null })) };
}
