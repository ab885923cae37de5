import type { AreaContent } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { parseAreaContent } from "./area-content";

export type TownData = {
  slug: string;
  name: string;
  state: string;
  county: string | null;
  summary: string;
  latitude: number | null;
  longitude: number | null;
  isSample: boolean;
  content: AreaContent;
  updatedAt: string;
  neighborhoods: { slug: string; name: string; summary: string; isSample: boolean }[];
};

/** One town of the tenant by slug, with its neighbourhoods; null when missing or another tenant's. */
export async function getTown(options: { tenantId: string; townSlug: string; db?: Db }): Promise<TownData | null> {
  const db = options.db ?? getDb();
  const town = await db.town.findUnique({
    where: { tenantId_slug: { tenantId: options.tenantId, slug: options.townSlug } },
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
      updatedAt: true,
      neighborhoods: { select: { slug: true, name: true, summary: true, isSample: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] },
    },
  });
  if (!town) return null;
  return { ...town, content: parseAreaContent(town.content), updatedAt: town.updatedAt.toISOString() };
}
