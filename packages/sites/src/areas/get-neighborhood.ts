import type { AreaContent } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { parseAreaContent } from "./area-content";

export type NeighborhoodData = {
  slug: string;
  name: string;
  summary: string;
  latitude: number | null;
  longitude: number | null;
  isSample: boolean;
  content: AreaContent;
  updatedAt: string;
  town: { slug: string; name: string; state: string; latitude: number | null; longitude: number | null };
};

/** A neighbourhood of one of the tenant's towns; null when either is missing or another tenant's. */
export async function getNeighborhood(options: { tenantId: string; townSlug: string; neighborhoodSlug: string; db?: Db }): Promise<NeighborhoodData | null> {
  const db = options.db ?? getDb();
  const row = await db.neighborhood.findFirst({
    where: { tenantId: options.tenantId, slug: options.neighborhoodSlug, town: { tenantId: options.tenantId, slug: options.townSlug } },
    select: {
      slug: true,
      name: true,
      summary: true,
      latitude: true,
      longitude: true,
      isSample: true,
      content: true,
      updatedAt: true,
      town: { select: { slug: true, name: true, state: true, latitude: true, longitude: true } },
    },
  });
  if (!row) return null;
  return { ...row, content: parseAreaContent(row.content), updatedAt: row.updatedAt.toISOString() };
}
