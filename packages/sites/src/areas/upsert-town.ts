import { ZAreaContent, type AreaContent } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type TownInput = {
  slug: string;
  name: string;
  state: string;
  county?: string | null;
  summary: string;
  latitude?: number | null;
  longitude?: number | null;
  content?: AreaContent;
  isSample?: boolean;
  sortOrder?: number;
};

/** Creates or updates a town of the tenant by slug; content is validated (ZAreaContent). */
export async function upsertTown(options: { tenantId: string; town: TownInput; db?: Db }) {
  const db = options.db ?? getDb();
  const { tenantId, town } = options;
  const data = { ...town, content: ZAreaContent.parse(town.content ?? {}) };
  return db.town.upsert({
    where: { tenantId_slug: { tenantId, slug: town.slug } },
    create: { ...data, tenantId },
    update: data,
    select: { id: true, slug: true },
  });
}
