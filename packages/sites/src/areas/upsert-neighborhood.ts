import { ZAreaContent, type AreaContent } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type NeighborhoodInput = {
  slug: string;
  name: string;
  summary: string;
  latitude?: number | null;
  longitude?: number | null;
  content?: AreaContent;
  isSample?: boolean;
  sortOrder?: number;
};

/** Creates or updates a neighbourhood of one of the tenant's towns (by town slug); throws when the town is missing. */
export async function upsertNeighborhood(options: { tenantId: string; townSlug: string; neighborhood: NeighborhoodInput; db?: Db }) {
  const db = options.db ?? getDb();
  const { tenantId, neighborhood } = options;
  const town = await db.town.findUniqueOrThrow({ where: { tenantId_slug: { tenantId, slug: options.townSlug } }, select: { id: true } });
  const data = { ...neighborhood, content: ZAreaContent.parse(neighborhood.content ?? {}) };
  return db.neighborhood.upsert({
    where: { tenantId_townId_slug: { tenantId, townId: town.id, slug: neighborhood.slug } },
    create: { ...data, tenantId, townId: town.id },
    update: data,
    select: { id: true, slug: true },
  });
}
