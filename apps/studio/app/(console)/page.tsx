import { listTenants, unsafeGetIngestionOverview } from "@real-estate/db/studio";
import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/auto-refresh";
import { BarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { STATUS_COLORS, StatusBar } from "@/components/charts/status-bar";
import { PageHead } from "@/components/page-head";
import { formatAge, formatDateTime, formatNumber } from "@/lib/format";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Overview" };

const PROCESSED = "#16a34a";
const FAILED = "#dc2626";
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  await requireOperatorPage();
  const { tenant } = await searchParams;
  const [o, tenants] = await Promise.all([unsafeGetIngestionOverview({ tenantId: tenant || undefined }), listTenants()]);
  const scale = Math.max(...o.byTenant.map((t) => t.PENDING + t.PROCESSING + t.COMPLETED + t.DEAD_LETTERED), 0);
  const dueAge = o.oldestDue?.ageSeconds ?? 0;
  const late = dueAge > o.thresholds.oldestDueWarnSeconds;
  return (
    <>
      <PageHead
        title="Ingestion health"
        subtitle={`Website events turned into CRM records · as of ${formatDateTime(o.generatedAt)}`}
        actions={
          <>
            <form className="row" method="get">
              <select name="tenant" defaultValue={tenant ?? ""} aria-label="Tenant" style={{ maxWidth: 240 }}>
                <option value="">All tenants</option>
                {tenants.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
              <button type="submit">Show</button>
            </form>
            <AutoRefresh seconds={15} />
          </>
        }
      />
      {o.warnings.length ? (
        <div className="banner warn" role="alert" data-testid="health-warning">
          <span aria-hidden>⚠</span>
          <div>
            <strong>Attention needed</strong>
            <ul>
              {o.warnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <div className="banner ok" data-testid="health-ok">
          <span aria-hidden>✓</span>
          <div>
            <strong>Pipeline healthy</strong>
            No job has waited past {formatAge(o.thresholds.oldestDueWarnSeconds)} and no dead letters arrived in the last hour.
          </div>
        </div>
      )}
      <section className="grid grid-4" style={{ marginBottom: 16 }}>
        <div className="panel stat">
          <div className="label">Due now</div>
          <div className="value">{formatNumber(o.dueNow)}</div>
          <div className="hint">pending jobs whose time has come</div>
        </div>
        <div className={`panel stat${late ? " warn" : ""}`} data-testid="oldest-due">
          <div className="label">Oldest due job waiting</div>
          <div className="value">{o.oldestDue ? formatAge(dueAge) : "—"}</div>
          <div className="hint">warns above {formatAge(o.thresholds.oldestDueWarnSeconds)}</div>
        </div>
        <div className={`panel stat${o.deadLetters.newLastHour > 0 ? " bad" : ""}`}>
          <div className="label">Dead letters</div>
          <div className="value">
            <Link href="/dead-letters">{formatNumber(o.deadLetters.current)}</Link>
          </div>
          <div className="hint">
            +{o.deadLetters.newLastHour} last hour · +{o.deadLetters.newLastDay} last 24 h
          </div>
        </div>
        <div className="panel stat">
          <div className="label">Last hour</div>
          <div className="value">{formatNumber(sum(o.hour.processed))}</div>
          <div className="hint">
            processed · {formatNumber(sum(o.hour.failed))} failed{o.expiredLeases ? ` · ${o.expiredLeases} expired leases` : ""}
          </div>
        </div>
      </section>
      <section className="grid grid-2" style={{ marginBottom: 16 }}>
        <ChartPanel title="Last hour" note="jobs per minute">
          <LineChart label="Processed and failed jobs per minute, last hour" start={o.hour.start} bucketSeconds={o.hour.bucketSeconds} unit="/min" series={[
            { label: "Processed", color: PROCESSED, values: o.hour.processed },
            { label: "Failed", color: FAILED, values: o.hour.failed },
          ]} />
        </ChartPanel>
        <ChartPanel title="Last 24 hours" note="average jobs per minute, 15-minute buckets">
          <LineChart label="Processed and failed jobs per minute, last 24 hours" start={o.day.start} bucketSeconds={o.day.bucketSeconds} unit="/min" series={[
            { label: "Processed", color: PROCESSED, values: o.day.processed },
            { label: "Failed", color: FAILED, values: o.day.failed },
          ]} />
        </ChartPanel>
      </section>
      <section className="grid grid-2">
        <div className="panel">
          <div className="panel-head">
            <div>
              <h2>New dead letters per hour</h2>
              <p>jobs that used up their attempts, last 24 hours</p>
            </div>
            <span className={`badge ${o.deadLetters.newLastHour > 0 ? "bad" : "ok"}`}>{o.deadLetters.newLastHour > 0 ? "growing" : "flat"}</span>
          </div>
          <div className="panel-body">
            <BarChart label="Dead letters per hour" values={o.deadLetteredPerHour} start={o.deadLetteredDayStart} bucketSeconds={3600} color={FAILED} unit="dead letters" />
          </div>
        </div>
        <div className="panel">
          <div className="panel-head">
            <div>
              <h2>Jobs by status per tenant</h2>
              <p>everything in the queue table; completed jobs are pruned after their retention</p>
            </div>
          </div>
          <div className="panel-body legend" style={{ paddingBottom: 6, paddingTop: 10 }}>
            {Object.entries(STATUS_COLORS).map(([k, c]) => (
              <span key={k}>
                <i style={{ background: c }} />
                {k.replace("_", " ").toLowerCase()}
              </span>
            ))}
          </div>
          <div className="table-wrap">
            <table className="data" data-testid="jobs-by-tenant">
              <thead>
                <tr>
                  <th>Tenant</th>
                  <th className="num">Pending</th>
                  <th className="num">Processing</th>
                  <th className="num">Completed</th>
                  <th className="num">Dead</th>
                  <th style={{ width: "22%" }} />
                </tr>
              </thead>
              <tbody>
                {o.byTenant.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="empty">
                      No jobs yet.
                    </td>
                  </tr>
                ) : (
                  o.byTenant.map((t) => (
                    <tr key={t.tenantId}>
                      <td>
                        <Link href={`/tenants/${t.tenantId}`} className="truncate" style={{ display: "block", maxWidth: 170 }} title={t.name}>
                          {t.name}
                        </Link>
                      </td>
                      <td className="num">{formatNumber(t.PENDING)}</td>
                      <td className="num">{formatNumber(t.PROCESSING)}</td>
                      <td className="num">{formatNumber(t.COMPLETED)}</td>
                      <td className="num">{t.DEAD_LETTERED ? <Link href={`/dead-letters?tenant=${t.slug}`}>{formatNumber(t.DEAD_LETTERED)}</Link> : 0}</td>
                      <td>
                        <StatusBar counts={t} scale={scale} />
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      </section>
    </>
  );
}

function ChartPanel(props: { title: string; note: string; children: React.ReactNode }) {
  return (
    <div className="panel">
      <div className="panel-head">
        <div>
          <h2>{props.title}</h2>
          <p>{props.note}</p>
        </div>
        <div className="legend">
          <span>
            <i style={{ background: PROCESSED }} />
            processed
          </span>
          <span>
            <i style={{ background: FAILED }} />
            failed
          </span>
        </div>
      </div>
      <div className="panel-body">{props.children}</div>
    </div>
  );
}
