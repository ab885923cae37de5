import type { AreaModuleView } from "@/lib/providers/area-modules";
import { Breadcrumbs, SampleNote } from "./breadcrumbs";
import { moduleAnchor } from "./area-modules";

type Props = {
  crumbs: { href?: string; label: string }[];
  title: string;
  subtitle?: string;
  summary: string;
  isSample: boolean;
  links: { href: string; label: string }[];
  views: AreaModuleView[];
};

/** Title band of a town or neighbourhood page, with a jump menu to its modules. */
export function AreaHero({ crumbs, title, subtitle, summary, isSample, links, views }: Props) {
  return (
    <>
      <section className="hero hero-small">
        <div className="container">
          <Breadcrumbs items={crumbs} light />
          {subtitle ? <p className="eyebrow">{subtitle}</p> : null}
          <h1>{title}</h1>
          <p className="lead">{summary}</p>
          {isSample ? (
            <p>
              <SampleNote>Sample content for demonstration</SampleNote>
            </p>
          ) : null}
          {links.length ? (
            <ul className="chips" aria-label="Neighborhoods">
              {links.map((l) => (
                <li key={l.href}>
                  <a className="chip" style={{ background: "rgb(255 255 255 / 14%)", color: "#fff", borderColor: "rgb(255 255 255 / 30%)" }} href={l.href}>
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </section>
      {views.length > 1 ? (
        <nav className="area-nav" aria-label="On this page">
          <div className="container">
            <ul>
              {views.map((v) => (
                <li key={v.key}>
                  <a href={`#${moduleAnchor(v.key)}`}>{v.title}</a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      ) : null}
    </>
  );
}
