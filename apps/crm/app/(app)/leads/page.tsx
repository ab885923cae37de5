import Link from "next/link";
import { LEAD_SOURCES, LEAD_STATUSES } from "@real-estate/types";
import { countLeadsByStatus, listLeads, ListSnapshotExpiredError, type LeadListRow } from "@real-estate/crm";
import { listMemberships } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { hrefWith } from "@/lib/url";
import { encodeCursor, parseLeadListQuery, toUrlSearchParams } from "@/app/api/lib/query-params";
import { StatusBadge } from "@/components/status-badge";
import { When } from "@/components/when";
import { BulkBar } from "@/components/bulk-bar";
import { SelectAll } from "@/components/select-all";
import { LiveRefresh } from "@/components/live-refresh";
import { contactName, formatDateTime, SOURCE_LABELS, STATUS_LABELS } from "@/components/format";
import { formatPhone } from "@/components/format-phone";

export const metadata = { title: "Leads" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function LeadRow({ lead, country }: { lead: LeadListRow; country: string }) {
  return (
    <tr data-lead-id={lead.id}>
      <td className="check">
        <input type="checkbox" name="leadId" value={lead.id} form="bulk" aria-label={`Select ${contactName(lead.contact)}`} />
      </td>
      <td className="name">
        <Link href={`/leads/${lead.id}`}>{contactName(lead.contact)}</Link>
      </td>
      <td className="muted clip" title={[lead.contact.email, lead.contact.phone].filter(Boolean).join(" · ")}>
        {lead.contact.email ?? ""}
        {lead.contact.email && lead.contact.phone ? " · " : ""}
        {formatPhone(lead.contact.phone, { extension: lead.contact.phoneExtension, homeCountry: country })}
      </td>
      <td>
        <span className="tag">{SOURCE_LABELS[lead.source] ?? lead.source}</span>
      </td>
      <td>
        <StatusBadge status={lead.status} />
      </td>
      <td>{lead.assignedTo?.user.name ?? <span className="faint">Unassigned</span>}</td>
      <td className="muted">
        <When date={lead.createdAt} />
      </td>
      <td className="muted">
        <When date={lead.lastActivityAt} />
      </td>
    </tr>
  );
}

export default async function LeadsPage({ searchParams }: { searchParams: SearchParams }) {
  const { tenant, member } = await requirePageAccess({ returnTo: "/leads" });
  const params = toUrlSearchParams(await searchParams);
  const parsed = parseLeadListQuery(params, { timeZone: tenant.timeZone });
  const members = await listMemberships({ tenantId: tenant.tenantId });
  const memberOptions = members.map((m) => ({ id: m.id, name: m.user.name }));
  if (!parsed.ok) {
    return (
      <>
        <div className="page-head">
          <h1>Leads</h1>
        </div>
        <div className="notice error" role="alert">
          These filters are not valid:{" "}
          {Object.entries(parsed.error.fields)
            .map(([k, v]) => `${k} (${v.join(", ")})`)
            .join("; ")}
          . <Link href="/leads">Clear filters</Link>
        </div>
      </>
    );
  }
  const q = parsed.value;
  const assignedTo = q.assignedTo?.map((a) => (a === "me" ? member.id : a));
  const filters = { source: q.source, assignedTo, q: q.q, createdFrom: q.createdFrom, createdTo: q.createdTo };
  const list = (cursor: typeof q.cursor) =>
    listLeads({ tenantId: tenant.tenantId, filters: { ...filters, status: q.status }, sort: q.sort, cursor, limit: q.limit });
  // A cursor of a frozen list that expired (an hour after paging began) starts again at the first page.
  const firstPageAgain = (error: unknown) => {
    if (error instanceof ListSnapshotExpiredError) return list(undefined).then((p) => ({ ...p, expired: true }));
    throw error;
  };
  const [page, counts] = await Promise.all([
    list(q.cursor).then((p) => ({ ...p, expired: false }), firstPageAgain),
    countLeadsByStatus({ tenantId: tenant.tenantId, filters }),
  ]);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const statusParam = params.get("status");
  const fromParam = params.get("createdFrom") ?? "";
  const toParam = params.get("createdTo") ?? "";
  const isLiveView = !q.cursor && q.sort === "-createdAt";
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Leads</h1>
          <div className="sub">{total} matching · newest first unless sorted otherwise</div>
        </div>
        <Link className="btn" href="/contacts/new">
          Add contact by hand
        </Link>
      </div>
      <nav className="tabs" aria-label="Status">
        <Link href={hrefWith("/leads", params, { status: null })} aria-current={!statusParam ? "true" : undefined}>
          All<span className="count">{total}</span>
        </Link>
        {LEAD_STATUSES.map((s) => (
          <Link key={s} href={hrefWith("/leads", params, { status: s })} aria-current={statusParam === s ? "true" : undefined}>
            {STATUS_LABELS[s]}
            <span className="count">{counts.get(s) ?? 0}</span>
          </Link>
        ))}
      </nav>
      <form className="filters" method="get" action="/leads" role="search">
        {statusParam && <input type="hidden" name="status" value={statusParam} />}
        <div className="grow">
          <label htmlFor="q">
            Search name, email, phone <span className="faint">(press /)</span>
          </label>
          <input id="q" name="q" type="search" defaultValue={q.q ?? ""} placeholder="e.g. Jane 203" />
        </div>
        <div>
          <label htmlFor="source">Source</label>
          <select id="source" name="source" defaultValue={params.get("source") ?? ""}>
            <option value="">Any</option>
            {LEAD_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="assignedTo">Agent</label>
          <select id="assignedTo" name="assignedTo" defaultValue={params.get("assignedTo") ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Unassigned</option>
            {memberOptions.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        {DATE_ONLY.test(fromParam) || !fromParam ? (
          <div>
            <label htmlFor="createdFrom">Created from</label>
            <input id="createdFrom" name="createdFrom" type="date" defaultValue={fromParam} />
          </div>
        ) : (
          <div>
            <label>Created since</label>
            <input type="hidden" name="createdFrom" value={fromParam} />
            <span className="tag">{formatDateTime(q.createdFrom!, tenant.timeZone)}</span>
          </div>
        )}
        {DATE_ONLY.test(toParam) || !toParam ? (
          <div>
            <label htmlFor="createdTo">Created to</label>
            <input id="createdTo" name="createdTo" type="date" defaultValue={toParam} />
          </div>
        ) : (
          <input type="hidden" name="createdTo" value={toParam} />
        )}
        <div>
          <label htmlFor="sort">Sort</label>
          <select id="sort" name="sort" defaultValue={q.sort}>
            <option value="-createdAt">Newest first</option>
            <option value="createdAt">Oldest first</option>
            <option value="-lastActivityAt">Recently active</option>
            <option value="lastActivityAt">Least recently active</option>
          </select>
        </div>
        <button className="btn btn-primary" type="submit">
          Apply
        </button>
        <Link className="btn" href="/leads">
          Reset
        </Link>
      </form>
      {page.expired && (
        <div className="notice" role="status">
          That page of the list is more than an hour old: here is the list from the start again.
        </div>
      )}
      <div className="table-wrap">
        <BulkBar statuses={LEAD_STATUSES} members={memberOptions} />
        <table className="data" data-testid="leads-table">
          <thead>
            <tr>
              <th className="check">
                <SelectAll form="bulk" />
              </th>
              <th>Name</th>
              <th>Email · phone</th>
              <th>Source</th>
              <th>Status</th>
              <th>Agent</th>
              <th>Created</th>
              <th>Last activity</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((lead) => (
              <LeadRow key={lead.id} lead={lead} country={tenant.country} />
            ))}
            {!page.items.length && (
              <tr>
                <td colSpan={8} className="muted" style={{ padding: 18 }}>
                  No leads match these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <span>{q.cursor && !page.expired ? <Link href={hrefWith("/leads", params, {})}>← First page</Link> : `Showing ${page.items.length} of ${total}`}</span>
        {page.nextCursor && <Link href={hrefWith("/leads", params, { cursor: encodeCursor(page.nextCursor, q.sort) })}>Next page →</Link>}
      </div>
      {isLiveView && <LiveRefresh newestLeadId={page.items[0]?.id ?? null} />}
    </>
  );
}
