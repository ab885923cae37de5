// How the home search page reads its query (/homes?town=..&beds=..): one parser, so the page and
// saved searches agree on what a search means.
import type { Db } from "@real-estate/db";
import { listTowns } from "../areas/list-towns";
import { listListingFacets } from "./list-listing-facets";
import { LISTING_SORTS, type ListingFilters, type ListingSort, type MapBounds } from "./search-listings";

/** Query parameters of /homes; anything else (utm_*, click ids) does not change the results. */
export const SEARCH_PARAM_KEYS = [
  "town",
  "minPrice",
  "maxPrice",
  "beds",
  "baths",
  "type",
  "status",
  "minSqft",
  "minLot",
  "minYear",
  "newDays",
  "openHouse",
  "bounds",
  "q",
  "sort",
  "page",
] as const;
export type SearchParamKey = (typeof SEARCH_PARAM_KEYS)[number];
export type RawSearchParams = Partial<Record<SearchParamKey, string>>;

/** "SingleFamilyResidence", "Single Family Residence" → "single-family-residence". */
export function slugify(value: string): string {
  return value
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export type SearchContext = {
  /** Town slugs the tenant serves. */
  towns: { slug: string; name: string }[];
  /** PropertySubType / PropertyType values present in the tenant's listings. */
  propertyTypes: string[];
  /** StandardStatus values present in the tenant's listings. */
  statuses: string[];
};

export type ParsedSearch = {
  filters: ListingFilters;
  sort: ListingSort;
  page: number;
  /** The parameters that were understood, as they should appear in links. */
  applied: RawSearchParams;
  /** Parameters that were ignored, with the reason shown to the visitor. */
  ignored: { key: SearchParamKey; value: string; reason: string }[];
};

/** What the tenant's listings offer to search by, straight from the database. */
export async function loadSearchContext(options: { tenantId: string; db?: Db }): Promise<SearchContext> {
  const [towns, facets] = await Promise.all([listTowns(options), listListingFacets(options)]);
  return {
    towns: towns.map((t) => ({ slug: t.slug, name: t.name })),
    propertyTypes: facets.propertyTypes.map((t) => t.value),
    statuses: facets.statuses.map((s) => s.value),
  };
}

const PRICE_MAX = 1_000_000_000;

function parseWholeNumber(raw: string, max: number): number | null {
  const cleaned = raw.replace(/[$,\s]/g, "").toLowerCase();
  const m = /^(\d+(?:\.\d+)?)(k|m)?$/.exec(cleaned);
  if (!m) return null;
  const n = Math.round(Number(m[1]) * (m[2] === "m" ? 1_000_000 : m[2] === "k" ? 1_000 : 1));
  return Number.isSafeInteger(n) && n >= 0 && n <= max ? n : null;
}

/** Map bounds as "west,south,east,north" in degrees (at most 6 decimals are kept). */
export function parseBounds(raw: string): MapBounds | null {
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.length !== 4 || !parts.every((p) => /^-?\d{1,3}(?:\.\d{1,12})?$/.test(p))) return null;
  const [west, south, east, north] = parts.map((p) => Math.round(Number(p) * 1e6) / 1e6) as [number, number, number, number];
  if (west < -180 || east > 180 || south < -90 || north > 90) return null;
  // An area that crosses the antimeridian, or has no width or height, is not a search area here.
  if (!(west < east && south < north)) return null;
  return { west, south, east, north };
}

/** The canonical text of bounds (what links and the cache key carry). */
export function formatBounds(b: MapBounds): string {
  return [b.west, b.south, b.east, b.north].join(",");
}

const CURRENT_YEAR_LIMIT = () => new Date().getUTCFullYear() + 2;

/**
 * Validates /homes parameters against what the tenant has. Invalid values are ignored (and
 * reported in `ignored` so the page can say so); nothing here throws.
 */
export function parseSearch(raw: RawSearchParams, ctx: SearchContext): ParsedSearch {
  const out: ParsedSearch = { filters: {}, sort: "newest", page: 1, applied: {}, ignored: [] };
  const ignore = (key: SearchParamKey, reason: string) => out.ignored.push({ key, value: raw[key]!, reason });
  if (raw.town) {
    const town = ctx.towns.find((t) => t.slug === raw.town!.toLowerCase() || t.name.toLowerCase() === raw.town!.toLowerCase());
    if (town) [out.filters.town, out.applied.town] = [town.slug, town.slug];
    else ignore("town", "not a town we serve");
  }
  for (const key of ["minPrice", "maxPrice"] as const) {
    if (!raw[key]) continue;
    const n = parseWholeNumber(raw[key]!, PRICE_MAX);
    if (n === null) ignore(key, "not a price");
    else [out.filters[key], out.applied[key]] = [n, String(n)];
  }
  if (out.filters.minPrice !== undefined && out.filters.maxPrice !== undefined && out.filters.minPrice > out.filters.maxPrice) {
    ignore("maxPrice", "lower than the minimum price");
    delete out.filters.maxPrice;
    delete out.applied.maxPrice;
  }
  for (const key of ["beds", "baths"] as const) {
    if (!raw[key]) continue;
    const n = parseWholeNumber(raw[key]!.replace(/\+$/, ""), 20);
    if (n === null) ignore(key, "not a number from 0 to 20");
    else if (n > 0) [out.filters[key], out.applied[key]] = [n, String(n)];
  }
  if (raw.type) {
    const want = slugify(raw.type);
    const type = ctx.propertyTypes.find((t) => slugify(t) === want);
    if (type) [out.filters.propertyTypes, out.applied.type] = [[type], want];
    else ignore("type", "not a property type we have");
  }
  if (raw.status) {
    const want = slugify(raw.status);
    if (want === "any") [out.filters.statuses, out.applied.status] = [ctx.statuses, "any"];
    else {
      const status = ctx.statuses.find((s) => slugify(s) === want);
      if (status) [out.filters.statuses, out.applied.status] = [[status], want];
      else ignore("status", "not a listing status");
    }
  }
  if (raw.minSqft) {
    const n = parseWholeNumber(raw.minSqft, 100_000);
    if (n === null) ignore("minSqft", "not a floor area in square feet");
    else if (n > 0) [out.filters.minLivingArea, out.applied.minSqft] = [n, String(n)];
  }
  if (raw.minLot) {
    const cleaned = raw.minLot.replace(/\s*(acres?|ac)$/i, "");
    const n = /^\d{1,5}(?:\.\d{1,3})?$/.test(cleaned) ? Number(cleaned) : NaN;
    if (!Number.isFinite(n) || n > 10_000) ignore("minLot", "not a lot size in acres");
    else if (n > 0) [out.filters.minLotAcres, out.applied.minLot] = [n, String(n)];
  }
  if (raw.minYear) {
    const n = /^\d{4}$/.test(raw.minYear) ? Number(raw.minYear) : NaN;
    if (!(n >= 1600 && n <= CURRENT_YEAR_LIMIT())) ignore("minYear", "not a year");
    else [out.filters.minYearBuilt, out.applied.minYear] = [n, String(n)];
  }
  if (raw.newDays) {
    const n = parseWholeNumber(raw.newDays, 365);
    if (n === null || n < 1) ignore("newDays", "not a number of days from 1 to 365");
    else [out.filters.newWithinDays, out.applied.newDays] = [n, String(n)];
  }
  if (raw.openHouse) {
    if (raw.openHouse === "1" || raw.openHouse.toLowerCase() === "yes" || raw.openHouse.toLowerCase() === "true") {
      [out.filters.openHouse, out.applied.openHouse] = [true, "1"];
    } else ignore("openHouse", "not yes or no");
  }
  if (raw.bounds) {
    const b = parseBounds(raw.bounds);
    if (!b) ignore("bounds", "not a map area (west,south,east,north)");
    else [out.filters.bounds, out.applied.bounds] = [b, formatBounds(b)];
  }
  if (raw.q) [out.filters.q, out.applied.q] = [raw.q, raw.q];
  if (raw.sort) {
    if ((LISTING_SORTS as readonly string[]).includes(raw.sort)) [out.sort, out.applied.sort] = [raw.sort as ListingSort, raw.sort];
    else ignore("sort", "not a sort order");
  }
  if (raw.page) {
    const n = parseWholeNumber(raw.page, 10_000);
    if (n === null || n < 1) ignore("page", "not a page number");
    else [out.page, out.applied.page] = [n, String(n)];
  }
  return out;
}
