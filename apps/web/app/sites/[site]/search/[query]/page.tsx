import type { Metadata } from "next";
import { AutoSubmitSelect } from "@/components/auto-submit-select";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ListingGrid } from "@/components/listing-card";
import { MlsNotice } from "@/components/mls-notice";
import { Pagination } from "@/components/pagination";
import { SaveSearchButton } from "@/components/save-search-button";
import { SearchFilters } from "@/components/search-filters";
import { SearchMap } from "@/components/search-map";
import { plural } from "@/lib/format";
import { describeSearch, loadSearchPage } from "@/lib/search/search-page";
import { savedSearchName } from "@/lib/search/describe-search";
import { searchHref } from "@/lib/search/search-path";
import { siteParams } from "@/lib/site/site-params";
import { siteMapStyleUrl } from "@/lib/site/map-style";

// /homes?… is rewritten here by proxy.ts with the query encoded in [query], so every distinct
// search is a cacheable page of its own.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ site: string; query: string }> };

const SORTS = [
  ["newest", "Newest"],
  ["price-asc", "Price (low to high)"],
  ["price-desc", "Price (high to low)"],
  ["beds-desc", "Most bedrooms"],
  ["size-desc", "Largest"],
] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenantId, query } = await siteParams(params);
  const { parsed, ctx } = await loadSearchPage(tenantId, query);
  const { page: _page, ...rest } = parsed.applied;
  return { title: describeSearch(parsed, ctx), alternates: { canonical: searchHref(parsed.page > 1 ? parsed.applied : rest) } };
}

export default async function SearchPage({ params }: Props) {
  const { tenantId, query } = await siteParams(params);
  const [{ parsed, ctx, result, map }, mapStyle] = await Promise.all([loadSearchPage(tenantId, query), siteMapStyleUrl(tenantId)]);
  const title = describeSearch(parsed, ctx);
  const { page: _page, sort: _sort, ...saveable } = parsed.applied;
  const { page: _p, bounds: _b, ...withoutArea } = parsed.applied;
  return (
    <div className="section" style={{ paddingTop: 28 }}>
      <div className="container">
        <Breadcrumbs items={[{ href: "/", label: "Home" }, { label: "Homes for sale" }]} />
        <div className="search-layout">
          <SearchFilters applied={parsed.applied} ctx={ctx} />
          <div>
            <div className="results-head">
              <div>
                <h1>{title}</h1>
                <p className="result-count" role="status">
                  {plural(result.total, "home")} found{result.pageCount > 1 ? ` · page ${result.page} of ${result.pageCount}` : ""}
                </p>
              </div>
              <div className="results-tools">
                <SaveSearchButton query={saveable} defaultName={savedSearchName(parsed, ctx)} />
                <form className="sort-form" action="/homes" method="get">
                  {Object.entries(saveable).map(([k, v]) => (
                    <input key={k} type="hidden" name={k} value={v} />
                  ))}
                  <label htmlFor="sort" className="small muted">
                    Sort
                  </label>
                  <AutoSubmitSelect id="sort" name="sort" defaultValue={parsed.sort}>
                    {SORTS.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </AutoSubmitSelect>
                  <noscript>
                    <button className="btn btn-outline" type="submit">
                      Sort
                    </button>
                  </noscript>
                </form>
              </div>
            </div>
            {parsed.ignored.length ? (
              <div className="alert alert-info" role="note">
                <p>
                  <strong>Some filters were ignored:</strong>
                </p>
                <ul>
                  {parsed.ignored.map((i) => (
                    <li key={i.key}>
                      <code>
                        {i.key}={i.value}
                      </code>
                      : {i.reason}.
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <SearchMap
              points={map.points.map((p) => ({ key: p.key, lat: p.lat, lng: p.lng, price: p.price }))}
              area={parsed.filters.bounds ?? null}
              searchHrefBase={searchHref(withoutArea)}
              styleUrl={mapStyle}
            />
            {map.truncated ? (
              <p className="small muted">The map shows the {map.points.length.toLocaleString("en-US")} most recently updated homes; the list has them all.</p>
            ) : null}
            {result.items.length ? (
              <ListingGrid listings={result.items} headingLevel={2} top />
            ) : (
              <div className="card empty-state">
                <h2>No homes match this search</h2>
                <p className="muted">Try a wider price range, fewer bedrooms or another town.</p>
                <a className="btn btn-primary" href="/homes">
                  See all homes
                </a>
              </div>
            )}
            <MlsNotice tenantId={tenantId} listings={result.items} />
            <Pagination
              page={result.page}
              pageCount={result.pageCount}
              hrefFor={(p) => searchHref({ ...parsed.applied, page: p > 1 ? String(p) : undefined })}
            />
          </div>
        </div>
      </div>
    </div>
  );
}
