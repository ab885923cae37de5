import Link from "next/link";
import { notFound } from "next/navigation";
import { getContact, listActivities } from "@real-estate/db/crm";
import { requirePageAccess } from "@/lib/page-access";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { ActivityForm } from "@/components/activity-form";
import { When } from "@/components/when";
import { ReachRows } from "@/components/reach-rows";
import { contactName, formatDateTime, SOURCE_LABELS } from "@/components/format";

export const metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const { contactId } = await params;
  const { tenant } = await requirePageAccess({ returnTo: `/contacts/${contactId}` });
  const contact = await getContact({ tenantId: tenant.tenantId, contactId });
  if (!contact) notFound();
  const timeline = await listActivities({ tenantId: tenant.tenantId, contactId, limit: 100 });
  return (
    <>
      <div className="page-head">
        <div>
          <div className="sub"><Link href="/contacts">Contacts</Link> /</div>
          <h1 data-testid="contact-name">{contactName(contact)}</h1>
          <div className="sub">{SOURCE_LABELS[contact.source] ?? contact.source} · added {formatDateTime(contact.createdAt)}</div>
        </div>
        <Link className="btn" href={`/contacts/${contact.id}/edit`}>Edit</Link>
      </div>
      <div className="grid grid-main">
        <div>
          <section className="panel">
            <h2>Leads</h2>
            {contact.leads.length ? (
              <table className="data">
                <thead><tr><th>Source</th><th>Status</th><th>Agent</th><th>Created</th></tr></thead>
                <tbody>
                  {contact.leads.map((l) => (
                    <tr key={l.id}>
                      <td><Link href={`/leads/${l.id}`}>{SOURCE_LABELS[l.source] ?? l.source}</Link></td>
                      <td><StatusBadge status={l.status} /></td>
                      <td>{l.assignedTo?.user.name ?? <span className="faint">Unassigned</span>}</td>
                      <td className="muted"><When date={l.createdAt} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : <p className="muted">No leads for this contact.</p>}
          </section>
          <section className="panel">
            <h2>Log a note, call or meeting</h2>
            <ActivityForm contactId={contact.id} />
          </section>
          <section className="panel">
            <h2>Timeline</h2>
            <Timeline items={timeline.items} />
          </section>
        </div>
        <aside>
          <section className="panel">
            <h2>Details</h2>
            <dl className="dl">
              <ReachRows email={contact.email} phone={contact.phone} />
              <dt>Updated</dt><dd><When date={contact.updatedAt} /></dd>
            </dl>
            {contact.notes && <div className="t-body" style={{ marginTop: 10 }}>{contact.notes}</div>}
          </section>
        </aside>
      </div>
    </>
  );
}
