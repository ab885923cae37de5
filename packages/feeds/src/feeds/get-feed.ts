import { getDb, type Db } from "@real-estate/db";
import { feedViewSelect, type FeedView } from "./feed-contracts";

export async function getFeed(options: { tenantId: string; feedId: string; db?: Db }): Promise<FeedView | null> {
  const db = options.db ?? getDb();
  return db.feed.findUnique({ where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } }, select: feedViewSelect });
}

export async function listFeeds(options: { tenantId: string; db?: Db }): Promise<FeedView[]> {
  const db = options.db ?? getDb();
  return db.feed.findMany({ where: { tenantId: options.tenantId }, select: feedViewSelect, orderBy: { name: "asc" } });
}
