import type { AreaModuleView } from "@/lib/providers/area-modules";
import { formatPrice, plural } from "@/lib/format";
import { SampleNote } from "./breadcrumbs";
import { ListingGrid } from "./listing-card";

export const moduleAnchor = (key: string) => `module-${key}`;

function ScoreRing({ label, value }: { label: string; value: number | null }) {
  if (value === null) return null;
  return (
    <div className="score">
      <div className="score-ring" style={{ "--v": value } as React.CSSProperties} role="img" aria-label={`${label}: ${value} out of 100`}>
        <span aria-hidden="true">{value}</span>
      </div>
      <span className="small muted">{label}</span>
    </div>
  );
}

function ModuleBody({ view, areaName }: { view: AreaModuleView; areaName: string }) {
  switch (view.key) {
    case "at-a-glance":
      return (
        <dl className="fact-grid">
          {view.facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      );
    case "taxes": {
      const { millRate, note } = view.taxes;
      return (
        <>
          {millRate !== undefined ? (
            <p>
              <span className="big-number">{millRate}</span> <span className="muted">mills</span>
              <br />
              <span className="small muted">About {formatPrice(millRate * 100)} a year for every $100,000 of assessed value.</span>
            </p>
          ) : null}
          {note ? <p className="small muted">{note}</p> : null}
        </>
      );
    }
    case "schools":
      return (
        <>
          {view.schools.district ? <p className="muted">{view.schools.district}</p> : null}
          <ul className="plain-list">
            {view.schools.schools.map((s) => (
              <li key={s.name}>
                <span>{s.name}</span>
                <span className="muted">{[s.grades, s.note].filter(Boolean).join(" · ")}</span>
              </li>
            ))}
          </ul>
        </>
      );
    case "walk-score": {
      const s = view.walkScore.scores;
      return (
        <>
          <div className="scores">
            <ScoreRing label="Walk Score" value={s.walk} />
            <ScoreRing label="Transit Score" value={s.transit} />
            <ScoreRing label="Bike Score" value={s.bike} />
          </div>
          {s.description ? (
            <p className="small" style={{ marginTop: 12 }}>
              {s.description}
            </p>
          ) : null}
          {view.walkScore.source === "walkscore" ? (
            <p className="small muted" style={{ marginTop: 12 }}>
              Scores by{" "}
              {s.link ? (
                <a href={s.link} rel="noopener">
                  Walk Score®
                </a>
              ) : (
                "Walk Score®"
              )}
              .
            </p>
          ) : null}
        </>
      );
    }
    case "nearby-places":
      return (
        <>
          <ul className="plain-list">
            {view.places.places.map((p) => (
              <li key={p.id}>
                <span>
                  {p.mapsUri ? (
                    <a href={p.mapsUri} rel="noopener">
                      {p.name}
                    </a>
                  ) : (
                    p.name
                  )}
                </span>
                <span className="muted">{p.kind}</span>
              </li>
            ))}
          </ul>
          {view.places.source === "google" ? (
            <p className="small muted" style={{ marginTop: 8 }}>
              Places data © Google Maps.
            </p>
          ) : null}
        </>
      );
    case "listings":
      return (
        <>
          {view.listings.length ? <ListingGrid listings={view.listings} /> : <p className="muted">No homes for sale in {areaName} right now.</p>}
          {view.total > view.listings.length ? (
            <p style={{ marginTop: 20 }}>
              <a className="btn btn-outline" href={view.searchHref}>
                See all {plural(view.total, "home")} in {areaName}
              </a>
            </p>
          ) : null}
        </>
      );
    case "valuation-cta":
      return null;
  }
}

function isSample(view: AreaModuleView): boolean {
  if (view.key === "taxes") return view.taxes.isSample === true;
  if (view.key === "schools") return view.schools.isSample === true;
  if (view.key === "walk-score") return view.walkScore.source === "sample";
  if (view.key === "nearby-places") return view.places.source === "sample";
  if (view.key === "at-a-glance") return view.facts.some((f) => /sample/i.test(f.label + f.value));
  return false;
}

/** The tenant's modules for a town or neighbourhood page, in the tenant's order. */
export function AreaModules({ views, areaName }: { views: AreaModuleView[]; areaName: string }) {
  return (
    <div className="modules">
      {views.map((view) =>
        view.key === "valuation-cta" ? (
          <section key={view.key} id={moduleAnchor(view.key)} className="module-wide cta-band" aria-labelledby={`${moduleAnchor(view.key)}-h`}>
            <div>
              <h2 id={`${moduleAnchor(view.key)}-h`}>{view.title}</h2>
              <p>See an instant estimate from recent sales and listings in {areaName}.</p>
            </div>
            <div className="btns">
              <a className="btn btn-light" href="/home-value">
                Get my home value
              </a>
            </div>
          </section>
        ) : (
          <section
            key={view.key}
            id={moduleAnchor(view.key)}
            className={`card module${view.key === "listings" ? " module-wide" : ""}`}
            aria-labelledby={`${moduleAnchor(view.key)}-h`}
            data-module={view.key}
          >
            <h2 id={`${moduleAnchor(view.key)}-h`}>
              {view.title}
              {isSample(view) ? <SampleNote>Sample values</SampleNote> : null}
            </h2>
            <ModuleBody view={view} areaName={areaName} />
          </section>
        ),
      )}
    </div>
  );
}
