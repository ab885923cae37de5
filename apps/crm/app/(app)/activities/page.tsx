import Link from "next/link";
import { listActivities } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { hrefWith } from "@/lib/url";
import { encodeCursor, parseActivityListQuery, toUrlSearchParams } from "@/app/api/lib/query-params";
import { Timeline } from "@/components/timeline";

export const metadata = { title: "Activities" };

const TABS = [
  { type: null, label: "Everything" },
  { type: "NOTE", label: "Notes" },
  { type: "CALL", label: "Calls" },
  { type: "MEETING", label: "Meetings" },
  { type: "EMAIL", label: "Emails" },
  { type: "WEBSITE_EVENT", label: "Website" },
  { type: "STATUS_CHANGE", label: "Status changes" },
  { type: "ASSIGNMENT", label: "Assignments" },
];

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant } = await requirePageAccess({ returnTo: "/activities" });
  const params = toUrlSearchParams(await searchParams);
  const parsed = parseActivityListQuery(params);
  const page = parsed.ok
    ? await listActivities({
        tenantId: tenant.tenantId,
        types: parsed.value.type,
        cursor: parsed.value.cursor,
        limit: parsed.value.limit,
        contactId: parsed.value.contactId,
        leadId: parsed.value.leadId,
      })
    : { items: [], nextCursor: null };
  const current = params.get("type");
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Activities</h1>
          <div className="sub">Everything that happened across the brokerage, newest first. Log notes and calls from a lead or contact page.</div>
        </div>
      </div>
      <nav className="tabs" aria-label="Type">
        {TABS.map((t) => (
          <Link
            key={t.label}
            href={hrefWith("/activities", params, { type: t.type })}
            aria-current={current === t.type || (!current && !t.type) ? "true" : undefined}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {!parsed.ok && (
        <div className="notice error">
          These filters are not valid. <Link href="/activities">Clear</Link>
        </div>
      )}
      <section className="panel">
        <Timeline items={page.items} showContact />
      </section>
      <div className="pager">
        <span>{params.has("cursor") ? <Link href={hrefWith("/activities", params, {})}>← Newest</Link> : ""}</span>
        {page.nextCursor && <Link href={hrefWith("/activities", params, { cursor: encodeCursor(page.nextCursor, "activities") })}>Older →</Link>}
      </div>
    </>
  );
}
