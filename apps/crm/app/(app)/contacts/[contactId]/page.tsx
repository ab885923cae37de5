import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getContact, listActivities, listContactIdentities } from "@real-estate/crm";
import { formatPhone } from "@real-estate/types";
import { MergeContactForm } from "@/components/merge-forms";
import { AddIdentityForm, IdentityButtons } from "@/components/identity-forms";
import { requirePageAccess } from "@/lib/page-access";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { ActivityForm } from "@/components/activity-form";
import { When } from "@/components/when";
import { ReachRows } from "@/components/reach-rows";
import { HomesOfInterest } from "@/components/homes-of-interest";
import { contactName, formatDateTime, SOURCE_LABELS } from "@/components/format";

export const metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const { contactId } = await params;
  const { tenant, member } = await requirePageAccess({ returnTo: `/contacts/${contactId}` });
  const contact = await getContact({ tenantId: tenant.tenantId, contactId });
  if (!contact) notFound();
  // A contact merged into another lives on there.
  if (contact.mergedIntoId) redirect(`/contacts/${contact.mergedIntoId}`);
  const [timeline, identities] = await Promise.all([
    listActivities({ tenantId: tenant.tenantId, contactId, limit: 100 }),
    listContactIdentities({ tenantId: tenant.tenantId, contactId }),
  ]);
  const isOwner = member.role === "OWNER";
  return (
    <>
      <div className="page-head">
        <div>
          <div className="sub">
            <Link href="/contacts">Contacts</Link> /
          </div>
          <h1 data-testid="contact-name">{contactName(contact)}</h1>
          <div className="sub">
            {SOURCE_LABELS[contact.source] ?? contact.source} · added {formatDateTime(contact.createdAt, tenant.timeZone)}
          </div>
        </div>
        <Link className="btn" href={`/contacts/${contact.id}/edit`}>
          Edit
        </Link>
      </div>
      <div className="grid grid-main">
        <div>
          <section className="panel">
            <h2>Leads</h2>
            {contact.leads.length ? (
              <table className="data">
                <thead>
                  <tr>
                    <th>Source</th>
                    <th>Status</th>
                    <th>Agent</th>
                    <th>Created</th>
                  </tr>
                </thead>
                <tbody>
                  {contact.leads.map((l) => (
                    <tr key={l.id}>
                      <td>
                        <Link href={`/leads/${l.id}`}>{SOURCE_LABELS[l.source] ?? l.source}</Link>
                      </td>
                      <td>
                        <StatusBadge status={l.status} />
                      </td>
                      <td>{l.assignedTo?.user.name ?? <span className="faint">Unassigned</span>}</td>
                      <td className="muted">
                        <When date={l.createdAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">No leads for this contact.</p>
            )}
          </section>
          <section className="panel">
            <h2>Log a note, call or meeting</h2>
            <ActivityForm contactId={contact.id} />
          </section>
          <section className="panel">
            <h2>Timeline</h2>
            <Timeline items={timeline.items} canUndoMerges={isOwner} />
          </section>
        </div>
        <aside>
          <section className="panel">
            <h2>Details</h2>
            <dl className="dl">
              <ReachRows email={contact.email} phone={contact.phone} extension={contact.phoneExtension} country={tenant.country} />
              <dt>Updated</dt>
              <dd>
                <When date={contact.updatedAt} />
              </dd>
            </dl>
            {contact.notes && (
              <div className="t-body" style={{ marginTop: 10 }}>
                {contact.notes}
              </div>
            )}
          </section>
          <section className="panel" data-testid="identities">
            <h2>Every e-mail and phone</h2>
            <ul className="plain">
              {identities.emails.map((e) => (
                <li key={e.id} data-identity={e.email}>
                  <a href={`mailto:${e.email}`}>{e.email}</a>
                  {e.isPrimary && <span className="tag">primary</span>}
                  <IdentityButtons contactId={contact.id} identityId={e.id} version={contact.version} isPrimary={e.isPrimary} label={e.email} />
                  <div className="faint" style={{ fontSize: 12.5 }}>
                    {SOURCE_LABELS[e.source] ?? e.source} · first {formatDateTime(e.createdAt, tenant.timeZone)} · last{" "}
                    {formatDateTime(e.lastSeenAt, tenant.timeZone)}
                  </div>
                </li>
              ))}
              {identities.phones.map((p) => (
                <li key={p.id} data-identity={p.phone}>
                  {formatPhone(p.phone, { extension: p.extension, homeCountry: tenant.country })}
                  {p.isPrimary && <span className="tag">primary</span>}
                  <IdentityButtons
                    contactId={contact.id}
                    identityId={p.id}
                    version={contact.version}
                    isPrimary={p.isPrimary}
                    label={formatPhone(p.phone, { homeCountry: tenant.country })}
                  />
                  <div className="faint" style={{ fontSize: 12.5 }}>
                    {SOURCE_LABELS[p.source] ?? p.source} · first {formatDateTime(p.createdAt, tenant.timeZone)} · last{" "}
                    {formatDateTime(p.lastSeenAt, tenant.timeZone)}
                  </div>
                </li>
              ))}
            </ul>
            <AddIdentityForm contactId={contact.id} version={contact.version} />
          </section>
          {isOwner && (
            <section className="panel">
              <MergeContactForm contactId={contact.id} />
            </section>
          )}
          <HomesOfInterest tenantId={tenant.tenantId} tenantSlug={tenant.slug} contactId={contact.id} />
        </aside>
      </div>
    </>
  );
}
