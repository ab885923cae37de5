import type { AreaContent } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { parseAreaContent } from "./area-content";

export type TownSummary = {
  slug: string;
  name: string;
  state: string;
  county: string | null;
  summary: string;
  latitude: number | null;
  longitude: number | null;
  isSample: boolean;
  content: AreaContent;
  neighborhoods: { slug: string; name: string }[];
  /** Active listings in the town. */
  activeListings: number;
};

/** The towns the tenant serves, in its order, with their neighbourhoods and active listing counts. */
export async function listTowns(options: { tenantId: string; db?: Db }): Promise<TownSummary[]> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  const [towns, counts] = await Promise.all([
    db.town.findMany({
      where: { tenantId },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        slug: true,
        name: true,
        state: true,
        county: true,
        summary: true,
        latitude: true,
        longitude: true,
        isSample: true,
        content: true,
        neighborhoods: { select: { slug: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] },
      },
    }),
    db.listing.groupBy({ by: ["townSlug"], where: { tenantId, StandardStatus: "Active", InternetEntireListingDisplayYN: true }, _count: { _all: true } }),
  ]);
  const countBySlug = new Map(counts.map((c) => [c.townSlug, c._count._all]));
  return towns.map((t) => ({ ...t, content: parseAreaContent(t.content), activeListings: countBySlug.get(t.slug) ?? 0 }));
}
