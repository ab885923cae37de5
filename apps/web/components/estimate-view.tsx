import type { PublicEstimate } from "@/lib/forms/valuation-estimate";
import { formatNumber, formatPrice, humanize } from "@/lib/format";

const FACT_LABELS: Record<string, string> = {
  town: "the town",
  propertyType: "the property type",
  livingArea: "the living area",
  bedrooms: "the bedrooms",
  bathrooms: "the bathrooms",
  yearBuilt: "the year built",
};

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Which of the visitor's facts the estimate rests on, and which the comparables could not support. */
function FactsUsed({ estimate }: { estimate: PublicEstimate }) {
  if (!("factsUsed" in estimate) || !estimate.factsUsed.length) return null;
  return (
    <p className="small" data-testid="estimate-facts">
      This estimate uses {listOf(estimate.factsUsed.map((f) => FACT_LABELS[f] ?? f))} you gave us.
      {estimate.factsNotUsed.length ? (
        <>
          {" "}
          It does not use {listOf(estimate.factsNotUsed.map((f) => FACT_LABELS[f.fact] ?? f.fact))}: too few comparable homes matched{" "}
          {estimate.factsNotUsed.length > 1 ? "those" : "that"} as well.
        </>
      ) : null}
    </p>
  );
}

/** The instant estimate, clearly labelled as automated, with the comparables it used; or why there is none. */
export function EstimateView({ estimate, address, bare = false }: { estimate: PublicEstimate; address: string; bare?: boolean }) {
  return (
    <div className={bare ? "estimate" : "card estimate"} data-testid="estimate">
      <p className="eyebrow">Automated estimate</p>
      {estimate.status === "estimated" ? (
        <>
          <h2 style={{ fontSize: "1.1rem", fontWeight: 600 }}>Estimated value of {address}</h2>
          <div className="range">
            {formatPrice(estimate.low)} – {formatPrice(estimate.high)}
          </div>
          <p className="muted small" style={{ marginTop: 8 }}>
            An automated estimate from {estimate.comparables.length} comparable homes in our listings (same town, similar size
            {estimate.basis === "price-per-sqft" ? ", by price per square foot" : ""}). It is not an appraisal: an agent will follow up with a detailed market
            analysis.
          </p>
          <FactsUsed estimate={estimate} />
        </>
      ) : estimate.status === "insufficient_data" ? (
        <>
          <h2 style={{ fontSize: "1.2rem" }}>We can&apos;t give a reliable estimate yet</h2>
          <p className="muted">
            We found {estimate.comparables.length === 0 ? "no" : `only ${estimate.comparables.length}`} comparable home
            {estimate.comparables.length === 1 ? "" : "s"} in that town (we need at least {estimate.minimum}), so we won&apos;t guess a number. An agent will
            prepare a market analysis for you.
          </p>
        </>
      ) : (
        <>
          <h2 style={{ fontSize: "1.2rem" }}>Thanks, we have your request</h2>
          <p className="muted">Add the town and the living area (or bedrooms) for an instant estimate; an agent will follow up either way.</p>
        </>
      )}
      {estimate.comparables.length ? (
        <div className="table-wrap">
          <table className="comps">
            <caption className="visually-hidden">Comparable homes used</caption>
            <thead>
              <tr>
                <th scope="col">Comparable home</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Sq ft
                </th>
                <th scope="col" className="num">
                  Beds
                </th>
                <th scope="col" className="num">
                  Price
                </th>
              </tr>
            </thead>
            <tbody>
              {estimate.comparables.map((c) => (
                <tr key={c.listingKey}>
                  <td>
                    <a href={`/homes/${encodeURIComponent(c.listingKey)}`}>{c.address}</a>
                  </td>
                  <td>{humanize(c.status)}</td>
                  <td className="num">{c.livingArea ? formatNumber(c.livingArea) : "–"}</td>
                  <td className="num">{c.bedrooms ?? "–"}</td>
                  <td className="num">{formatPrice(c.price)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
