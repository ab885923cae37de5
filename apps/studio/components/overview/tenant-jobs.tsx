import type { IngestionOverview } from "@real-estate/operator";
import Link from "next/link";
import { STATUS_COLORS, StatusBar } from "@/components/charts/status-bar";
import { formatNumber } from "@/lib/format";

/** Jobs by status per tenant: counts and a stacked bar scaled to the busiest tenant. */
export function TenantJobs({ o }: { o: IngestionOverview }) {
  const scale = Math.max(...o.byTenant.map((t) => t.PENDING + t.PROCESSING + t.COMPLETED + t.DEAD_LETTERED), 0);
  return (
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
            ) : null}
            {o.byTenant.map((t) => (
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
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
