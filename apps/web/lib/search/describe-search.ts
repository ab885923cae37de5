import { formatAcres, formatNumber, formatPriceShort, humanize } from "../format";
import type { ParsedSearch, SearchContext } from "./parse-search";

/** "greens-farms" → "Greens Farms": a neighbourhood's name from its slug. */
const titleOf = (slug: string) => humanize(slug).replace(/\b\w/g, (c) => c.toUpperCase());

function priceRange(min: number | undefined, max: number | undefined): string | null {
  if (min !== undefined && max !== undefined) return `${formatPriceShort(min)} to ${formatPriceShort(max)}`;
  if (min !== undefined) return `from ${formatPriceShort(min)}`;
  if (max !== undefined) return `up to ${formatPriceShort(max)}`;
  return null;
}

/**
 * The page title of a search and the default name of a saved search, naming every filter that
 * is applied: "Condominium homes for sale in Westport, $500K to $900K, 3+ bedrooms". Two
 * searches that differ in any filter read differently.
 */
export function describeSearch(parsed: ParsedSearch, ctx: SearchContext): string {
  const f = parsed.filters;
  const type = f.propertyTypes?.length === 1 ? `${humanize(f.propertyTypes[0])} homes` : "Homes";
  const status = !f.statuses ? "for sale" : f.statuses.length === 1 ? `(${humanize(f.statuses[0]).toLowerCase()})` : "of any status";
  const town = f.town ? ` in ${f.neighborhood ? `${titleOf(f.neighborhood)}, ` : ""}${ctx.towns.find((t) => t.slug === f.town)?.name ?? f.town}` : "";
  const details = [
    f.propertyTypes && f.propertyTypes.length > 1 ? f.propertyTypes.map((t) => humanize(t).toLowerCase()).join(" or ") : null,
    priceRange(f.minPrice, f.maxPrice),
    f.beds ? `${f.beds}+ bedrooms` : null,
    f.baths ? `${f.baths}+ bathrooms` : null,
    f.minLivingArea ? `${formatNumber(f.minLivingArea)}+ sq ft` : null,
    f.minLotAcres ? `${formatAcres(f.minLotAcres)}+ acres` : null,
    f.minYearBuilt ? `built ${f.minYearBuilt} or later` : null,
    f.newWithinDays ? `new in the last ${f.newWithinDays === 1 ? "day" : `${f.newWithinDays} days`}` : null,
    f.openHouse ? "with an open house" : null,
    f.q ? `matching “${f.q}”` : null,
    f.bounds ? "in the map area" : null,
  ].filter((d): d is string => Boolean(d));
  return `${type} ${status}${town}${details.length ? `, ${details.join(", ")}` : ""}`;
}

/** The longest name a saved search may have (the saved-search API refuses longer ones). */
export const SAVED_SEARCH_NAME_MAX = 120;

/**
 * The default name of a saved search: its heading, made to fit SAVED_SEARCH_NAME_MAX by
 * shortening the free-text words first (every other filter stays named), then the end.
 */
export function savedSearchName(parsed: ParsedSearch, ctx: SearchContext): string {
  const full = describeSearch(parsed, ctx);
  if (full.length <= SAVED_SEARCH_NAME_MAX) return full;
  const q = parsed.filters.q;
  if (q) {
    const room = q.length - (full.length - SAVED_SEARCH_NAME_MAX) - 1;
    if (room >= 3) return describeSearch({ ...parsed, filters: { ...parsed.filters, q: `${[...q].slice(0, room).join("").trimEnd()}…` } }, ctx);
  }
  return `${[...full]
    .slice(0, SAVED_SEARCH_NAME_MAX - 1)
    .join("")
    .trimEnd()}…`;
}
