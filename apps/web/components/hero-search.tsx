import { formatPriceShort } from "@/lib/format";

const MAX_PRICES = [400_000, 600_000, 800_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000];

/** The home page's search box: a plain GET form to /homes, so it works without JavaScript. */
export function HeroSearch({ towns }: { towns: { slug: string; name: string }[] }) {
  return (
    <div className="hero-search">
      <form action="/homes" method="get" role="search" aria-label="Search homes for sale">
        <div className="field field-q">
          <label htmlFor="hero-q">Address, ZIP or keyword</label>
          <input id="hero-q" name="q" type="search" placeholder="e.g. waterfront, 06824" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="hero-town">Town</label>
          <select id="hero-town" name="town" defaultValue="">
            <option value="">Any town</option>
            {towns.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="hero-max">Max price</label>
          <select id="hero-max" name="maxPrice" defaultValue="">
            <option value="">No max</option>
            {MAX_PRICES.map((p) => (
              <option key={p} value={p}>
                {formatPriceShort(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="hero-beds">Beds</label>
          <select id="hero-beds" name="beds" defaultValue="">
            <option value="">Any</option>
            {[1, 2, 3, 4, 5].map((b) => (
              <option key={b} value={b}>
                {b}+
              </option>
            ))}
          </select>
        </div>
        <button className="btn btn-accent" type="submit">
          Search homes
        </button>
      </form>
    </div>
  );
}
