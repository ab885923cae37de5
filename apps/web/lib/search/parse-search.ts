import type { TListingFilters, TListingSort } from "@real-estate/db/listings";
import { LISTING_SORTS } from "@real-estate/db/listings";
import { slugify } from "../format";
import type { TRawSearchParams, TSearchParamKey } from "./search-path";

export type TSearchContext = {
  /** Town slugs the tenant serves. */
  towns: { slug: string; name: string }[];
  /** PropertySubType / PropertyType values present in the tenant's listings. */
  propertyTypes: string[];
  /** StandardStatus values present in the tenant's listings. */
  statuses: string[];
};

export type TParsedSearch = {
  filters: TListingFilters;
  sort: TListingSort;
  page: number;
  /** The parameters that were understood, as they should appear in links. */
  applied: TRawSearchParams;
  /** Parameters that were ignored, with the reason shown to the visitor. */
  ignored: { key: TSearchParamKey; value: string; reason: string }[];
};

const PRICE_MAX = 1_000_000_000;

function parseWholeNumber(raw: string, max: number): number | null {
  const cleaned = raw.replace(/[$,\s]/g, "").toLowerCase();
  const m = /^(\d+(?:\.\d+)?)(k|m)?$/.exec(cleaned);
  if (!m) return null;
  const n = Math.round(Number(m[1]) * (m[2] === "m" ? 1_000_000 : m[2] === "k" ? 1_000 : 1));
  return Number.isSafeInteger(n) && n >= 0 && n <= max ? n : null;
}

/**
 * Validates /homes parameters against what the tenant has. Invalid values are ignored (and
 * reported in `ignored` so the page can say so); nothing here throws.
 */
export function parseSearch(raw: TRawSearchParams, ctx: TSearchContext): TParsedSearch {
  const out: TParsedSearch = { filters: {}, sort: "newest", page: 1, applied: {}, ignored: [] };
  const ignore = (key: TSearchParamKey, reason: string) => out.ignored.push({ key, value: raw[key]!, reason });
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
  if (raw.q) [out.filters.q, out.applied.q] = [raw.q, raw.q];
  if (raw.sort) {
    if ((LISTING_SORTS as readonly string[]).includes(raw.sort)) [out.sort, out.applied.sort] = [raw.sort as TListingSort, raw.sort];
    else ignore("sort", "not a sort order");
  }
  if (raw.page) {
    const n = parseWholeNumber(raw.page, 10_000);
    if (n === null || n < 1) ignore("page", "not a page number");
    else [out.page, out.applied.page] = [n, String(n)];
  }
  return out;
}
