import { humanize } from "../format";
import { getFacets, getTowns, searchListingsCached } from "../site/site-data";
import { parseSearch, type TParsedSearch, type TSearchContext } from "./parse-search";
import { decodeSearchSegment } from "./search-path";

/** Listings per search page. */
export const SEARCH_PAGE_SIZE = 12;

export async function searchContext(tenantId: string): Promise<TSearchContext> {
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
  const result = await searchListingsCached({ tenantId, filters: parsed.filters, sort: parsed.sort, page: parsed.page, pageSize: SEARCH_PAGE_SIZE });
  return { ctx, parsed, result };
}

/** "Condominiums for sale in Westport", "Homes for sale", …: the page title of a search. */
export function describeSearch(parsed: TParsedSearch, ctx: TSearchContext): string {
  const f = parsed.filters;
  const type = f.propertyTypes?.length === 1 ? `${humanize(f.propertyTypes[0])} homes` : "Homes";
  const status = !f.statuses ? "for sale" : f.statuses.length === 1 ? `(${humanize(f.statuses[0]).toLowerCase()})` : "of any status";
  const town = f.town ? ` in ${ctx.towns.find((t) => t.slug === f.town)?.name ?? f.town}` : "";
  const beds = f.beds ? ` with ${f.beds}+ bedrooms` : "";
  return `${type} ${status}${town}${beds}`;
}
