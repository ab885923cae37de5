import { listAreas } from "@real-estate/operator";
import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { loadTenant } from "@/lib/load-tenant";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Towns and neighbourhoods" };

export default async function ContentPage({ params }: { params: Promise<{ tenantId: string }> }) {
  await requireOperatorPage();
  const tenant = await loadTenant((await params).tenantId);
  const areas = await listAreas({ tenantId: tenant.id });
  const base = `/tenants/${tenant.id}/content`;
  return (
    <div className="panel">
      <div className="panel-head">
        <div>
          <h2>Towns and neighbourhoods</h2>
          <p>Content behind the at-a-glance, taxes, schools, walk score and nearby-places modules</p>
        </div>
        <span className="muted small">
          {areas.length} towns · {areas.reduce((n, a) => n + a.neighborhoods.length, 0)} neighbourhoods
        </span>
      </div>
      <table className="data" data-testid="areas-table">
        <thead>
          <tr>
            <th>Town / neighbourhood</th>
            <th>Slug</th>
            <th>Data</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {areas.length === 0 ? (
            <tr>
              <td colSpan={4} className="empty">
                This tenant has no towns yet.
              </td>
            </tr>
          ) : null}
          {areas.flatMap((town) => [
            <tr key={town.id}>
              <td>
                <Link href={`${base}/town/${town.id}`}>
                  <strong>{town.name}</strong>
                </Link>
              </td>
              <td className="mono">{town.slug}</td>
              <td>{town.isSample ? <span className="badge warn">sample</span> : <span className="badge">tenant</span>}</td>
              <td className="muted small">{formatDateTime(town.updatedAt)}</td>
            </tr>,
            ...town.neighborhoods.map((n) => (
              <tr key={n.id}>
                <td style={{ paddingLeft: 28 }}>
                  ↳ <Link href={`${base}/neighborhood/${n.id}`}>{n.name}</Link>
                </td>
                <td className="mono">
                  {town.slug}/{n.slug}
                </td>
                <td>{n.isSample ? <span className="badge warn">sample</span> : <span className="badge">tenant</span>}</td>
                <td className="muted small">{formatDateTime(n.updatedAt)}</td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
    </div>
  );
}
