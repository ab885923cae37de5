import { getFacets, getListingPointsCached, getTowns, searchListingsCached } from "../site/site-data";
import { parseSearch, type SearchContext } from "./parse-search";
import { decodeSearchSegment } from "./search-path";

export { describeSearch } from "./describe-search";

/** Listings per search page. */
export const SEARCH_PAGE_SIZE = 12;
/** The most homes the search map places (the map says when there are more). */
export const SEARCH_MAP_POINTS = 1_000;

export async function searchContext(tenantId: string): Promise<SearchContext> {
  const [towns, facets] = await Promise.all([getTowns({ tenantId }), getFacets({ tenantId })]);
  return {
    towns: towns.map((t) => ({ slug: t.slug, name: t.name })),
    propertyTypes: facets.propertyTypes.map((t) => t.value),
    statuses: facets.statuses.map((s) => s.value),
  };
}

export async function loadSearchPage(tenantId: string, segment: string) {
  const ctx = await searchContext(tenantId);
  const parsed = parseSearch(decodeSearchSegment(decodeURIComponent(segment)), ctx);
  const [result, map] = await Promise.all([
    searchListingsCached({ tenantId, filters: parsed.filters, sort: parsed.sort, page: parsed.page, pageSize: SEARCH_PAGE_SIZE }),
    getListingPointsCached({ tenantId, filters: parsed.filters, limit: SEARCH_MAP_POINTS }),
  ]);
  return { ctx, parsed, result, map };
}
