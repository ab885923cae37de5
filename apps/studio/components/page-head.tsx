import Link from "next/link";

export type Crumb = { href: string; label: string };

export function PageHead(props: { title: React.ReactNode; subtitle?: React.ReactNode; crumbs?: Crumb[]; actions?: React.ReactNode }) {
  return (
    <header className="page-head">
      <div>
        {props.crumbs?.length ? (
          <div className="crumbs">
            {props.crumbs.map((c, i) => (
              <span key={c.href}>
                {i > 0 ? " / " : ""}
                <Link href={c.href}>{c.label}</Link>
              </span>
            ))}
          </div>
        ) : null}
        <h1>{props.title}</h1>
        {props.subtitle ? <p>{props.subtitle}</p> : null}
      </div>
      {props.actions ? <div className="actions">{props.actions}</div> : null}
    </header>
  );
}
