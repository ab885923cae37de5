import { listTenants } from "@real-estate/operator";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/page-head";
import { StatusBadge, TenantDot } from "@/components/tenant-badge";
import { formatDateTime } from "@/lib/format";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage({ searchParams }: { searchParams: Promise<{ q?: string; status?: string }> }) {
  await requireOperatorPage();
  const { q, status } = await searchParams;
  const tenants = await listTenants({ search: q, status: status === "ACTIVE" || status === "SUSPENDED" ? status : undefined });
  return (
    <>
      <PageHead
        title="Tenants"
        subtitle="Brokerages on the platform, their host names and branding"
        actions={
          <Link className="button primary" href="/tenants/new">
            New tenant
          </Link>
        }
      />
      <div className="panel">
        <div className="panel-head">
          <form className="row" method="get">
            <input type="search" name="q" defaultValue={q} placeholder="Name, slug or host…" aria-label="Search tenants" style={{ width: 260 }} />
            <select name="status" defaultValue={status ?? ""} aria-label="Status">
              <option value="">Any status</option>
              <option value="ACTIVE">Active</option>
              <option value="SUSPENDED">Suspended</option>
            </select>
            <button type="submit">Filter</button>
          </form>
          <span className="muted small">{tenants.length} tenants</span>
        </div>
        <div className="table-wrap">
          <table className="data" data-testid="tenants-table">
            <thead>
              <tr>
                <th>Tenant</th>
                <th>Status</th>
                <th>Website hosts</th>
                <th>CRM hosts</th>
                <th>Brand</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {tenants.length === 0 ? (
                <tr>
                  <td colSpan={6} className="empty">
                    No tenants match.
                  </td>
                </tr>
              ) : null}
              {tenants.map((t) => (
                <tr key={t.id}>
                  <td>
                    <div className="row" style={{ gap: 10, flexWrap: "nowrap" }}>
                      <TenantDot name={t.name} color={t.primaryColor} logoUrl={t.logoPath ? `/api/tenants/${t.id}/logo` : null} />
                      <div>
                        <Link href={`/tenants/${t.id}`}>
                          <strong>{t.name}</strong>
                        </Link>
                        <div className="mono muted">{t.slug}</div>
                      </div>
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={t.status} />
                  </td>
                  <HostCell hosts={t.domains.filter((d) => d.kind === "WEB")} />
                  <HostCell hosts={t.domains.filter((d) => d.kind === "CRM")} />
                  <td className="nowrap">
                    <span className="swatch" style={{ background: t.primaryColor }} title={t.primaryColor} />{" "}
                    <span className="swatch" style={{ background: t.accentColor }} title={t.accentColor} />
                  </td>
                  <td className="muted small nowrap">{formatDateTime(t.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}

function HostCell({ hosts }: { hosts: { id: string; hostname: string; isPrimary: boolean }[] }) {
  if (!hosts.length) return <td className="muted small">none</td>;
  return (
    <td className="small">
      {hosts.map((h) => (
        <div key={h.id} className="mono">
          {h.hostname}
          {h.isPrimary && hosts.length > 1 ? (
            <span className="badge info" style={{ marginLeft: 6 }}>
              primary
            </span>
          ) : null}
        </div>
      ))}
    </td>
  );
}
