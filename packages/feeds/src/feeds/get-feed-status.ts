import { getDb, type Db } from "@real-estate/db";

export type FeedStatus = {
  countsByStatus: { status: string; count: number }[];
  hiddenFromInternet: number;
  runs: {
    id: string;
    kind: string;
    status: string;
    pages: number;
    upserted: number;
    removed: number;
    error: string | null;
    startedAt: Date;
    finishedAt: Date | null;
  }[];
};

/** What the studio shows under a feed: its listings by status and its recent runs. */
export async function getFeedStatus(options: { tenantId: string; feedId: string; runs?: number; db?: Db }): Promise<FeedStatus> {
  const db = options.db ?? getDb();
  const where = { tenantId: options.tenantId, feedId: options.feedId };
  const [groups, hiddenFromInternet, runs] = await Promise.all([
    db.listing.groupBy({ by: ["StandardStatus"], where, _count: { _all: true }, orderBy: { StandardStatus: "asc" } }),
    db.listing.count({ where: { ...where, InternetEntireListingDisplayYN: false } }),
    db.feedRun.findMany({
      where,
      orderBy: { startedAt: "desc" },
      take: options.runs ?? 20,
      select: { id: true, kind: true, status: true, pages: true, upserted: true, removed: true, error: true, startedAt: true, finishedAt: true },
    }),
  ]);
  return { countsByStatus: groups.map((g) => ({ status: g.StandardStatus, count: g._count._all })), hiddenFromInternet, runs };
}
