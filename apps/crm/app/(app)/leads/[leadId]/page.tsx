import Link from "next/link";
import { notFound } from "next/navigation";
import { LEAD_STATUSES } from "@real-estate/types";
import { getLead, listActivities } from "@real-estate/db/crm";
import { listMemberships } from "@real-estate/db/memberships";
import { requirePageAccess } from "@/lib/page-access";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { LeadControls } from "@/components/lead-controls";
import { ActivityForm } from "@/components/activity-form";
import { When } from "@/components/when";
import { ReachRows } from "@/components/reach-rows";
import { contactName, formatDateTime, formatDuration, SOURCE_LABELS } from "@/components/format";

export const metadata = { title: "Lead" };

export default async function LeadPage({ params }: { params: Promise<{ leadId: string }> }) {
  const { leadId } = await params;
  const { tenant } = await requirePageAccess({ returnTo: `/leads/${leadId}` });
  const lead = await getLead({ tenantId: tenant.tenantId, leadId });
  if (!lead) notFound();
  const [timeline, members] = await Promise.all([
    listActivities({ tenantId: tenant.tenantId, leadId, limit: 100 }),
    listMemberships({ tenantId: tenant.tenantId }),
  ]);
  const c = lead.contact;
  const firstContact = lead.firstContactedAt ? (lead.firstContactedAt.getTime() - lead.createdAt.getTime()) / 1000 : null;
  return (
    <>
      <div className="page-head">
        <div>
          <div className="sub"><Link href="/leads">Leads</Link> /</div>
          <h1 data-testid="lead-name">{contactName(c)}</h1>
          <div className="sub">
            <StatusBadge status={lead.status} /> · {SOURCE_LABELS[lead.source] ?? lead.source} · came in <When date={lead.createdAt} />
          </div>
        </div>
        <Link className="btn" href={`/contacts/${c.id}`}>Contact page</Link>
      </div>
      <div className="grid grid-main">
        <div>
          <section className="panel">
            <h2>Pipeline</h2>
            <LeadControls
              leadId={lead.id}
              status={lead.status}
              statuses={LEAD_STATUSES}
              assigneeId={lead.assignedMembershipId}
              members={members.map((m) => ({ id: m.id, name: m.user.name }))}
            />
          </section>
          <section className="panel">
            <h2>Add a note or log a call</h2>
            <ActivityForm leadId={lead.id} />
          </section>
          <section className="panel">
            <h2>Timeline</h2>
            <Timeline items={timeline.items} />
          </section>
        </div>
        <aside>
          <section className="panel">
            <h2>Contact</h2>
            <dl className="dl">
              <ReachRows email={c.email} phone={c.phone} />
              <dt>Agent</dt><dd>{lead.assignedTo?.user.name ?? "Unassigned"}</dd>
              <dt>Created</dt><dd>{formatDateTime(lead.createdAt)}</dd>
              <dt>First contact</dt><dd>{lead.firstContactedAt ? `${formatDuration(firstContact)} after it came in` : "Not yet"}</dd>
              {lead.listingKey && (<><dt>Listing</dt><dd className="mono">{lead.listingKey}</dd></>)}
              {lead.closedAt && (<><dt>Closed</dt><dd>{formatDateTime(lead.closedAt)}</dd></>)}
            </dl>
          </section>
          {lead.message && (
            <section className="panel">
              <h2>Their message</h2>
              <div className="t-body">{lead.message}</div>
            </section>
          )}
          {c.notes && (
            <section className="panel">
              <h2>Contact notes</h2>
              <div className="t-body">{c.notes}</div>
            </section>
          )}
        </aside>
      </div>
    </>
  );
}
