import type { SearchContext } from "@/lib/search/parse-search";
import type { RawSearchParams } from "@/lib/search/search-path";
import { formatPriceShort, humanize, slugify } from "@/lib/format";
import { FiltersDisclosure } from "./filters-disclosure";

const PRICES = [200_000, 300_000, 400_000, 500_000, 600_000, 750_000, 1_000_000, 1_250_000, 1_500_000, 2_000_000, 3_000_000, 5_000_000];

function PriceSelect({ id, name, label, value, empty }: { id: string; name: string; label: string; value?: string; empty: string }) {
  const options = value && !PRICES.includes(Number(value)) ? [...PRICES, Number(value)].sort((a, b) => a - b) : PRICES;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{empty}</option>
        {options.map((p) => (
          <option key={p} value={p}>
            {formatPriceShort(p)}
          </option>
        ))}
      </select>
    </div>
  );
}

const SQFT = [1_000, 1_500, 2_000, 2_500, 3_000, 4_000, 5_000];
const LOT_ACRES = [0.25, 0.5, 1, 2, 5, 10];
const NEW_DAYS = [1, 3, 7, 14, 30];

/** The choices, with a value from the URL that is not among them added in order. */
function withApplied(choices: number[], applied?: string): number[] {
  const n = applied ? Number(applied) : NaN;
  return Number.isFinite(n) && !choices.includes(n) ? [...choices, n].sort((a, b) => a - b) : choices;
}

/** The search filters: a GET form to /homes, so the whole search lives in the URL. */
export function SearchFilters({ applied, ctx }: { applied: RawSearchParams; ctx: SearchContext }) {
  return (
    <aside className="card filters" aria-labelledby="filters-h">
      <FiltersDisclosure activeCount={Object.keys(applied).filter((k) => k !== "sort" && k !== "page").length}>
        <h2 id="filters-h">Filter homes</h2>
        <form action="/homes" method="get">
          <div className="field field-wide">
            <label htmlFor="f-q">Keyword</label>
            <input id="f-q" name="q" type="search" defaultValue={applied.q ?? ""} placeholder="Address, ZIP, feature" />
          </div>
          <div className="field">
            <label htmlFor="f-town">Town</label>
            <select id="f-town" name="town" defaultValue={applied.town ?? ""}>
              <option value="">Any town</option>
              {ctx.towns.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-type">Property type</label>
            <select id="f-type" name="type" defaultValue={applied.type ?? ""}>
              <option value="">Any type</option>
              {ctx.propertyTypes.map((t) => (
                <option key={t} value={slugify(t)}>
                  {humanize(t)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row">
            <PriceSelect id="f-min" name="minPrice" label="Min price" value={applied.minPrice} empty="No min" />
            <PriceSelect id="f-max" name="maxPrice" label="Max price" value={applied.maxPrice} empty="No max" />
          </div>
          <div className="form-row">
            <div className="field">
              <label htmlFor="f-beds">Bedrooms</label>
              <select id="f-beds" name="beds" defaultValue={applied.beds ?? ""}>
                <option value="">Any</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}+
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-baths">Bathrooms</label>
              <select id="f-baths" name="baths" defaultValue={applied.baths ?? ""}>
                <option value="">Any</option>
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={n}>
                    {n}+
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="f-status">Status</label>
            <select id="f-status" name="status" defaultValue={applied.status ?? ""}>
              <option value="">For sale (active)</option>
              {ctx.statuses
                .filter((s) => s !== "Active")
                .map((s) => (
                  <option key={s} value={slugify(s)}>
                    {humanize(s)}
                  </option>
                ))}
              <option value="any">Any status</option>
            </select>
          </div>
          <div className="form-row">
            <div className="field">
              <label htmlFor="f-sqft">Min living area</label>
              <select id="f-sqft" name="minSqft" defaultValue={applied.minSqft ?? ""}>
                <option value="">Any size</option>
                {withApplied(SQFT, applied.minSqft).map((n) => (
                  <option key={n} value={n}>
                    {n.toLocaleString("en-US")} sq ft
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-lot">Min lot size</label>
              <select id="f-lot" name="minLot" defaultValue={applied.minLot ?? ""}>
                <option value="">Any lot</option>
                {withApplied(LOT_ACRES, applied.minLot).map((n) => (
                  <option key={n} value={n}>
                    {n} {n === 1 ? "acre" : "acres"}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="form-row">
            <div className="field">
              <label htmlFor="f-year">Built in or after</label>
              <input
                id="f-year"
                name="minYear"
                type="number"
                inputMode="numeric"
                min={1600}
                max={2100}
                step={1}
                defaultValue={applied.minYear ?? ""}
                placeholder="Any year"
              />
            </div>
            <div className="field">
              <label htmlFor="f-new">New on the market</label>
              <select id="f-new" name="newDays" defaultValue={applied.newDays ?? ""}>
                <option value="">Any time</option>
                {withApplied(NEW_DAYS, applied.newDays).map((n) => (
                  <option key={n} value={n}>
                    {n === 1 ? "In the last day" : `In the last ${n} days`}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="check">
            <input id="f-open" name="openHouse" type="checkbox" value="1" defaultChecked={applied.openHouse === "1"} />
            <label htmlFor="f-open">Open houses only</label>
          </div>
          {applied.bounds ? (
            <div className="check">
              <input id="f-bounds" name="bounds" type="checkbox" value={applied.bounds} defaultChecked />
              <label htmlFor="f-bounds">Only the map area</label>
            </div>
          ) : null}
          {applied.sort ? <input type="hidden" name="sort" value={applied.sort} /> : null}
          <div className="actions">
            <button className="btn btn-primary" type="submit">
              Show homes
            </button>
            <a className="btn btn-ghost" href="/homes">
              Clear all filters
            </a>
          </div>
        </form>
      </FiltersDisclosure>
    </aside>
  );
}
