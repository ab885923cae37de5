import { ZAreaContent, type TAreaContent } from "@real-estate/types";
import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";

export type TTownInput = {
  slug: string;
  name: string;
  state: string;
  county?: string | null;
  summary: string;
  latitude?: number | null;
  longitude?: number | null;
  content?: TAreaContent;
  isSample?: boolean;
  sortOrder?: number;
};

/** Creates or updates a town of the tenant by slug; content is validated (ZAreaContent). */
export async function upsertTown(options: { tenantId: string; town: TTownInput; db?: Db }) {
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
