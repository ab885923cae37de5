import Link from "next/link";
import { listContacts } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { hrefWith } from "@/lib/url";
import { encodeCursor, parseContactListQuery, toUrlSearchParams } from "@/app/api/lib/query-params";
import { When } from "@/components/when";
import { contactName, SOURCE_LABELS } from "@/components/format";
import { formatPhone } from "@/components/format-phone";

export const metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant } = await requirePageAccess({ returnTo: "/contacts" });
  const params = toUrlSearchParams(await searchParams);
  const parsed = parseContactListQuery(params);
  const page = parsed.ok ? await listContacts({ tenantId: tenant.tenantId, ...parsed.value }) : { items: [], nextCursor: null };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Contacts</h1>
          <div className="sub">Everyone who reached out, and people added by hand</div>
        </div>
        <Link className="btn btn-primary" href="/contacts/new">
          New contact
        </Link>
      </div>
      {!parsed.ok && (
        <div className="notice error">
          These search parameters are not valid. <Link href="/contacts">Clear</Link>
        </div>
      )}
      <form className="filters" method="get" action="/contacts" role="search">
        <div className="grow">
          <label htmlFor="q">
            Search name, email, phone <span className="faint">(press /)</span>
          </label>
          <input id="q" name="q" type="search" defaultValue={parsed.ok ? (parsed.value.q ?? "") : ""} />
        </div>
        <button className="btn btn-primary" type="submit">
          Search
        </button>
      </form>
      <div className="table-wrap">
        <table className="data" data-testid="contacts-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Phone</th>
              <th>Source</th>
              <th className="num">Leads</th>
              <th>Added</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((c) => (
              <tr key={c.id}>
                <td className="name">
                  <Link href={`/contacts/${c.id}`}>{contactName(c)}</Link>
                </td>
                <td className="muted">{c.email ?? ""}</td>
                <td className="muted">{formatPhone(c.phone, { extension: c.phoneExtension, homeCountry: tenant.country })}</td>
                <td>
                  <span className="tag">{SOURCE_LABELS[c.source] ?? c.source}</span>
                </td>
                <td className="num">{c._count.leads}</td>
                <td className="muted">
                  <When date={c.createdAt} />
                </td>
              </tr>
            ))}
            {!page.items.length && (
              <tr>
                <td colSpan={6} className="muted" style={{ padding: 18 }}>
                  No contacts found.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <span>{params.has("cursor") ? <Link href={hrefWith("/contacts", params, {})}>← First page</Link> : `${page.items.length} shown`}</span>
        {page.nextCursor && <Link href={hrefWith("/contacts", params, { cursor: encodeCursor(page.nextCursor, "contacts") })}>Next page →</Link>}
      </div>
    </>
  );
}
