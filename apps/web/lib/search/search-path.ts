// Home search state lives in the URL's query (/homes?town=..&beds=..). So that search pages can
// be statically generated and cached like any other page, proxy.ts rewrites the query into a
// path segment of an internal route: /homes?beds=3&town=x → /sites/<tenant>/search/<base64url>.

import { SEARCH_PARAM_KEYS, type RawSearchParams } from "@real-estate/sites";

export { SEARCH_PARAM_KEYS, type RawSearchParams, type SearchParamKey } from "@real-estate/sites";

const MAX_VALUE_LENGTH = 120;
/** The internal route segment search pages live under. */
export const SEARCH_SEGMENT = "search";
/** Segment value for "no criteria". */
export const EMPTY_SEARCH = "all";

/** Known, non-empty parameters (first value of each), trimmed and capped, sorted by key. */
export function pickSearchParams(params: URLSearchParams): RawSearchParams {
  const out: RawSearchParams = {};
  for (const key of [...SEARCH_PARAM_KEYS].sort()) {
    // NUL and lone surrogates cannot go into a database query; nobody searches for them.
    // eslint-disable-next-line no-control-regex
    const unstorable = /\u0000|[\uD800-\uDFFF]/g;
    const value = params.get(key)?.replace(unstorable, "").trim();
    if (value) out[key] = value.slice(0, MAX_VALUE_LENGTH);
  }
  return out;
}

export function encodeSearchSegment(params: URLSearchParams): string {
  const picked = pickSearchParams(params);
  const query = new URLSearchParams(picked as Record<string, string>).toString();
  return query ? Buffer.from(query, "utf8").toString("base64url") : EMPTY_SEARCH;
}

/** The raw parameters back from a segment; a segment that is not ours decodes to no criteria. */
export function decodeSearchSegment(segment: string): RawSearchParams {
  if (segment === EMPTY_SEARCH || !/^[A-Za-z0-9_-]{1,2000}$/.test(segment)) return {};
  return pickSearchParams(new URLSearchParams(Buffer.from(segment, "base64url").toString("utf8")));
}

/** The public URL of a search: /homes?… with the parameters in a stable order. */
export function searchHref(params: RawSearchParams): string {
  const entries = SEARCH_PARAM_KEYS.flatMap((k) => (params[k] ? [[k, params[k]!] as [string, string]] : []));
  const query = new URLSearchParams(entries).toString();
  return query ? `/homes?${query}` : "/homes";
}
