import { ZAreaContent, type AreaContent } from "@real-estate/types";
import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import type { AreaKind } from "./area-inputs";

export type AreaDetail = {
  kind: AreaKind;
  id: string;
  slug: string;
  name: string;
  summary: string;
  isSample: boolean;
  updatedAt: Date;
  /** The town's name and slug, for a neighbourhood. */
  town: { id: string; slug: string; name: string } | null;
  content: AreaContent;
  /** Stored content that no longer matches ZAreaContent (shown raw so nothing is lost). */
  invalidContent: unknown;
};

/** A town or neighbourhood of the tenant, with its content; another tenant's is not found. */
export async function getArea(options: { tenantId: string; kind: AreaKind; areaId: string; db?: Db | DbTx }): Promise<AreaDetail> {
  const db = options.db ?? getDb();
  const { tenantId, areaId, kind } = options;
  if (!isUuid(tenantId) || !isUuid(areaId)) throw new StudioNotFoundError("Area");
  const base = { id: true, slug: true, name: true, summary: true, isSample: true, updatedAt: true, content: true } as const;
  const row =
    kind === "town"
      ? await db.town.findUnique({ where: { tenantId_id: { tenantId, id: areaId } }, select: base }).then((r) => (r ? { ...r, town: null } : null))
      : await db.neighborhood.findUnique({
          where: { tenantId_id: { tenantId, id: areaId } },
          select: { ...base, town: { select: { id: true, slug: true, name: true } } },
        });
  if (!row) throw new StudioNotFoundError("Area");
  const parsed = ZAreaContent.safeParse(row.content);
  return {
    kind,
    id: row.id,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    isSample: row.isSample,
    updatedAt: row.updatedAt,
    town: row.town,
    content: parsed.success ? parsed.data : {},
    invalidContent: parsed.success ? null : row.content,
  };
}
