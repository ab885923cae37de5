import Link from "next/link";
import { LEAD_STATUSES } from "@real-estate/types";
import { getDashboardStats, getMyDay, listLeads } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { BarChart } from "@/components/bar-chart";
import { FunnelChart } from "@/components/funnel-chart";
import { Timeline } from "@/components/timeline";
import { TaskList } from "@/components/task-list";
import { LiveRefresh } from "@/components/live-refresh";
import { firstName, myProfile } from "@/lib/my-profile";
import { formatDuration, SOURCE_LABELS, STATUS_LABELS } from "@/components/format";

export const metadata = { title: "Dashboard" };

const since = (d: Date) => `/leads?createdFrom=${encodeURIComponent(d.toISOString())}`;

export default async function DashboardPage() {
  const { tenant, session, member } = await requirePageAccess();
  const tenantId = tenant.tenantId;
  const [stats, newest, day, profile] = await Promise.all([
    getDashboardStats({ tenantId, timeZone: tenant.timeZone }),
    listLeads({ tenantId, limit: 1 }),
    getMyDay({ tenantId, membershipId: member.id, timeZone: tenant.timeZone, limit: 5 }),
    myProfile(tenantId, member.id),
  ]);
  const dueNow = [...day.overdue.items, ...day.today.items].slice(0, 5);
  const dueCount = day.overdue.count + day.today.count;
  const byStatus = new Map(stats.byStatus.map((s) => [s.status, s.count]));
  const speed = stats.speedToFirstContact;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Dashboard</h1>
          <div className="sub" data-testid="dashboard-greeting">
            Good to see you, {firstName(profile?.name ?? session.user.name)}. Numbers update as leads arrive.
          </div>
        </div>
        <Link className="btn btn-primary" href="/leads?status=NEW">
          Work new leads
        </Link>
      </div>
      <section className="panel" data-testid="dashboard-my-day" style={{ marginBottom: 14 }}>
        <div className="page-head" style={{ marginBottom: 4 }}>
          <h2 style={{ margin: 0 }}>
            My day: {dueCount === 0 ? "nothing due today" : `${dueCount} task${dueCount === 1 ? "" : "s"} due today`}
            {day.overdue.count > 0 && <span style={{ color: "var(--danger)" }}> ({day.overdue.count} overdue)</span>}
          </h2>
          <Link href="/my-day">All of My day →</Link>
        </div>
        <TaskList tasks={dueNow} timeZone={tenant.timeZone} country={tenant.country} showPerson />
      </section>
      <div className="grid grid-4">
        <Link className="panel kpi" href={since(stats.bounds.today)} data-testid="kpi-today">
          <div className="kpi-label">New leads today</div>
          <div className="kpi-value">{stats.newLeads.today}</div>
          <div className="kpi-note">since midnight</div>
        </Link>
        <Link className="panel kpi" href={since(stats.bounds.last7Days)}>
          <div className="kpi-label">Last 7 days</div>
          <div className="kpi-value">{stats.newLeads.last7Days}</div>
          <div className="kpi-note">new leads</div>
        </Link>
        <Link className="panel kpi" href={since(stats.bounds.last30Days)}>
          <div className="kpi-label">Last 30 days</div>
          <div className="kpi-value">{stats.newLeads.last30Days}</div>
          <div className="kpi-note">new leads</div>
        </Link>
        <Link className="panel kpi" href="/leads?status=NEW&sort=createdAt">
          <div className="kpi-label">Speed to first contact (median, 30 d)</div>
          <div className="kpi-value">{formatDuration(speed.medianSeconds)}</div>
          <div className="kpi-note">
            average {formatDuration(speed.averageSeconds)} · {speed.awaiting} awaiting first contact
          </div>
        </Link>
      </div>
      <div className="grid grid-2" style={{ marginTop: 14 }}>
        <section className="panel">
          <h2>Pipeline</h2>
          <FunnelChart
            title="Leads by status"
            stages={LEAD_STATUSES.map((s) => ({ label: STATUS_LABELS[s] ?? s, value: byStatus.get(s) ?? 0, href: `/leads?status=${s}` }))}
          />
        </section>
        <section className="panel">
          <h2>Leads by source · 30 days</h2>
          <BarChart
            title="Leads by source in the last 30 days"
            bars={stats.bySource.map((s) => ({
              label: SOURCE_LABELS[s.source] ?? s.source,
              value: s.count,
              href: `/leads?source=${s.source}&createdFrom=${encodeURIComponent(stats.bounds.last30Days.toISOString())}`,
            }))}
          />
        </section>
      </div>
      <section className="panel" style={{ marginTop: 14 }}>
        <div className="page-head" style={{ marginBottom: 4 }}>
          <h2 style={{ margin: 0 }}>Recent activity</h2>
          <Link href="/activities">All activity →</Link>
        </div>
        <Timeline items={stats.recentActivities} showContact />
      </section>
      <LiveRefresh newestLeadId={newest.items[0]?.id ?? null} />
    </>
  );
}
