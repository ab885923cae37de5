import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type AreaListItem = {
  id: string;
  slug: string;
  name: string;
  isSample: boolean;
  updatedAt: Date;
  neighborhoods: { id: string; slug: string; name: string; isSample: boolean; updatedAt: Date }[];
};

/** A tenant's towns, each with its neighbourhoods, in the site's order. */
export async function listAreas(options: { tenantId: string; db?: Db }): Promise<AreaListItem[]> {
  const db = options.db ?? getDb();
  const order = [{ sortOrder: "asc" as const }, { name: "asc" as const }];
  return db.town.findMany({
    where: { tenantId: options.tenantId },
    orderBy: order,
    select: {
      id: true,
      slug: true,
      name: true,
      isSample: true,
      updatedAt: true,
      neighborhoods: { orderBy: order, select: { id: true, slug: true, name: true, isSample: true, updatedAt: true } },
    },
  });
}
