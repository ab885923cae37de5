import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type ListingFacets = {
  /** Distinct PropertySubType values (or PropertyType where no sub-type), most common first. */
  propertyTypes: { value: string; count: number }[];
  /** Distinct StandardStatus values, most common first. */
  statuses: { value: string; count: number }[];
  minPrice: number | null;
  maxPrice: number | null;
};

/** What the tenant's listings contain, for the search filters' choices. */
export async function listListingFacets(options: { tenantId: string; db?: Db }): Promise<ListingFacets> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  const [types, statuses, prices] = await Promise.all([
    db.$queryRaw<{ value: string; count: bigint }[]>`
      SELECT COALESCE("PropertySubType", "PropertyType") AS value, count(*) AS count
        FROM "Listing" WHERE "tenantId" = ${tenantId}::uuid GROUP BY 1 ORDER BY 2 DESC, 1`,
    db.$queryRaw<{ value: string; count: bigint }[]>`
      SELECT "StandardStatus" AS value, count(*) AS count
        FROM "Listing" WHERE "tenantId" = ${tenantId}::uuid GROUP BY 1 ORDER BY 2 DESC, 1`,
    db.listing.aggregate({ where: { tenantId }, _min: { ListPrice: true }, _max: { ListPrice: true } }),
  ]);
  return {
    propertyTypes: types.map((t) => ({ value: t.value, count: Number(t.count) })),
    statuses: statuses.map((s) => ({ value: s.value, count: Number(s.count) })),
    minPrice: prices._min.ListPrice,
    maxPrice: prices._max.ListPrice,
  };
}
