import Link from "next/link";
import { notFound } from "next/navigation";
import { LEAD_STATUSES } from "@real-estate/types";
import { getLead, listActionPlans, listActivities, listLeadPlans, listTasks } from "@real-estate/crm";
import { localTimeOf } from "@real-estate/types";
import { getListingsByKeys } from "@real-estate/sites";
import { publicSiteOrigin } from "@/lib/public-site";
import { listMemberships } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { LeadControls } from "@/components/lead-controls";
import { ActivityForm } from "@/components/activity-form";
import { TaskForm } from "@/components/task-form";
import { TaskList } from "@/components/task-list";
import { LeadPlans } from "@/components/lead-plans";
import { When } from "@/components/when";
import { ReachRows } from "@/components/reach-rows";
import { HomesOfInterest } from "@/components/homes-of-interest";
import { claimLeadAction } from "@/app/actions/routing-actions";
import { contactName, formatDateTime, formatDuration, SOURCE_LABELS } from "@/components/format";

export const metadata = { title: "Lead" };

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

export default async function LeadPage({ params }: { params: Promise<{ leadId: string }> }) {
  const { leadId } = await params;
  const { tenant, member } = await requirePageAccess({ returnTo: `/leads/${leadId}` });
  const lead = await getLead({ tenantId: tenant.tenantId, leadId });
  if (!lead) notFound();
  const [timeline, members, openTasks, doneTasks, listings, siteOrigin, runs, plans] = await Promise.all([
    listActivities({ tenantId: tenant.tenantId, leadId, limit: 100 }),
    listMemberships({ tenantId: tenant.tenantId }),
    listTasks({ tenantId: tenant.tenantId, filters: { leadId, status: "open" }, limit: 50 }),
    listTasks({ tenantId: tenant.tenantId, filters: { leadId, status: "done" }, limit: 5 }),
    lead.listingKey ? getListingsByKeys({ tenantId: tenant.tenantId, listingKeys: [lead.listingKey] }) : Promise.resolve([]),
    publicSiteOrigin(tenant.tenantId, tenant.slug),
    listLeadPlans({ tenantId: tenant.tenantId, leadId }),
    listActionPlans({ tenantId: tenant.tenantId }),
  ]);
  const listing = listings[0];
  const photo = listing?.Media[0]?.url;
  // A new task is due in an hour by default, on the brokerage's clock.
  const defaultDue = localTimeOf(new Date(Math.ceil((Date.now() + 3_600_000) / 900_000) * 900_000), tenant.timeZone);
  const c = lead.contact;
  const firstContact = lead.firstContactedAt ? (lead.firstContactedAt.getTime() - lead.createdAt.getTime()) / 1000 : null;
  return (
    <>
      <div className="page-head">
        <div>
          <div className="sub">
            <Link href="/leads">Leads</Link> /
          </div>
          <h1 data-testid="lead-name">{contactName(c)}</h1>
          <div className="sub">
            <StatusBadge status={lead.status} /> · {SOURCE_LABELS[lead.source] ?? lead.source} · came in <When date={lead.createdAt} />
          </div>
        </div>
        <Link className="btn" href={`/contacts/${c.id}`}>
          Contact page
        </Link>
      </div>
      <div className="grid grid-main">
        <div>
          <section className="panel">
            <h2>Pipeline</h2>
            <LeadControls
              leadId={lead.id}
              version={lead.version}
              status={lead.status}
              statuses={LEAD_STATUSES}
              assigneeId={lead.assignedMembershipId}
              members={members.map((m) => ({ id: m.id, name: m.user.name }))}
            />
          </section>
          <section className="panel" data-testid="lead-tasks">
            <h2>Tasks</h2>
            {openTasks.items.length === 0 && <p className="muted">No open tasks: add the next step so this lead is not forgotten.</p>}
            <TaskList tasks={openTasks.items} timeZone={tenant.timeZone} country={tenant.country} showAssignee />
            {doneTasks.items.length > 0 && (
              <details style={{ marginTop: 8 }}>
                <summary className="muted">Recently done ({doneTasks.items.length})</summary>
                <TaskList tasks={doneTasks.items} timeZone={tenant.timeZone} country={tenant.country} showAssignee />
              </details>
            )}
            <div style={{ marginTop: 10 }}>
              <TaskForm
                leadId={lead.id}
                members={members.map((m) => ({ id: m.id, name: m.user.name }))}
                defaultAssignee={lead.assignedMembershipId ?? member.id}
                defaultDue={defaultDue}
              />
            </div>
          </section>
          <LeadPlans leadId={lead.id} runs={runs} plans={plans.map((p) => ({ id: p.id, name: p.name }))} timeZone={tenant.timeZone} />
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
              <ReachRows email={c.email} phone={c.phone} extension={c.phoneExtension} country={tenant.country} />
              <dt>Agent</dt>
              <dd data-testid="lead-agent">
                {lead.assignedTo?.user.name ?? (lead.pooledAt ? "In the shared pond" : "Unassigned")}
                {lead.pooledAt && !lead.assignedMembershipId && (
                  <form action={claimLeadAction} style={{ display: "inline", marginLeft: 8 }}>
                    <input type="hidden" name="leadId" value={lead.id} />
                    <button className="btn btn-sm btn-primary" type="submit">
                      Claim this lead
                    </button>
                  </form>
                )}
              </dd>
              <dt>Created</dt>
              <dd>{formatDateTime(lead.createdAt, tenant.timeZone)}</dd>
              <dt>First contact</dt>
              <dd>{lead.firstContactedAt ? `${formatDuration(firstContact)} after it came in` : "Not yet"}</dd>
              {lead.listingKey && !listing && (
                <>
                  <dt>Listing</dt>
                  <dd>
                    No longer on the website <span className="faint mono">({lead.listingKey})</span>
                  </dd>
                </>
              )}
              {lead.closedAt && (
                <>
                  <dt>Closed</dt>
                  <dd>{formatDateTime(lead.closedAt, tenant.timeZone)}</dd>
                </>
              )}
            </dl>
          </section>
          {listing && (
            <section className="panel" data-testid="lead-listing">
              <h2>The home they asked about</h2>
              {photo && (
                <img
                  src={photo.startsWith("http") ? photo : `${siteOrigin}${photo}`}
                  alt={listing.UnparsedAddress}
                  style={{ width: "100%", borderRadius: 6 }}
                  loading="lazy"
                />
              )}
              <div style={{ fontWeight: 600, marginTop: 6 }}>
                {listing.UnparsedAddress}, {listing.City}
              </div>
              <div>
                {usd.format(listing.ListPrice)}
                {listing.BedroomsTotal !== null && ` · ${listing.BedroomsTotal} bed`}
                {listing.BathroomsTotalInteger !== null && ` · ${listing.BathroomsTotalInteger} bath`}
              </div>
              <a href={`${siteOrigin}/homes/${encodeURIComponent(listing.ListingKey)}`} target="_blank" rel="noopener noreferrer">
                See it on the website ↗
              </a>
            </section>
          )}
          <HomesOfInterest tenantId={tenant.tenantId} tenantSlug={tenant.slug} contactId={c.id} />
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
