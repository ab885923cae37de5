import { parseSearch, type RawSearchParams, type SearchContext } from "../listings/parse-search";
import { canonicalSearchQuery } from "./visitor-contracts";

export type NormalizedSearch =
  | { ok: true; queryKey: string; query: Record<string, string> }
  /** Per parameter, why the search page would not use it. */
  | { ok: false; fields: Record<string, string> };

const MESSAGES: Record<string, string> = {
  "lower than the minimum price": "must not be lower than minPrice",
};

/**
 * A search as the search page understands it: parsed by the page's own parser and kept in its
 * applied form ("Westport" → westport, "$500k" → 500000, "3+" → 3), so equal searches are equal
 * strings. What the page would ignore (an unknown town, a maximum below the minimum, a price that
 * is not one) is refused, naming the parameter. The page number is not part of a search.
 */
export function normalizeSavedSearch(raw: Record<string, string | undefined>, ctx: SearchContext): NormalizedSearch {
  const { page: _page, ...rest } = raw;
  const params: RawSearchParams = {};
  for (const [key, value] of Object.entries(rest)) {
    const v = value?.trim();
    if (v) params[key as keyof RawSearchParams] = v;
  }
  const parsed = parseSearch(params, ctx);
  if (parsed.ignored.length) {
    return { ok: false, fields: Object.fromEntries(parsed.ignored.map((i) => [i.key, MESSAGES[i.reason] ?? i.reason])) };
  }
  const { page: _appliedPage, ...applied } = parsed.applied;
  return { ok: true, ...canonicalSearchQuery(applied) };
}
