import type { TownSummary } from "@real-estate/sites";
import { plural } from "@/lib/format";
import { townPath } from "@/lib/site/site-urls";

/** headingLevel: 2 where the card follows the page's h1 directly, 3 (default) under a section's h2. */
export function TownCard({ town, headingLevel = 3 }: { town: TownSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card town-card">
      <div className="town-art" aria-hidden="true">
        <svg viewBox="0 0 300 120" preserveAspectRatio="none" width="100%" height="120" style={{ position: "absolute", inset: 0, opacity: 0.22 }}>
          <path d="M0 90 L40 70 L70 82 L110 55 L150 75 L190 50 L230 72 L270 58 L300 66 L300 120 L0 120Z" fill="#fff" />
        </svg>
        <span>{town.name}</span>
      </div>
      <div className="body">
        <Heading style={{ margin: 0, fontSize: "1.15rem", fontWeight: 650 }}>
          <a className="stretched" href={townPath(town.slug)}>
            {town.name}, {town.state}
          </a>
        </Heading>
        <p>{town.summary}</p>
        <div className="small muted">
          {plural(town.activeListings, "home")} for sale{town.neighborhoods.length ? ` · ${plural(town.neighborhoods.length, "neighborhood")}` : ""}
        </div>
      </div>
    </article>
  );
}
