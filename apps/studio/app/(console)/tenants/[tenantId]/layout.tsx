import { PageHead } from "@/components/page-head";
import { Tabs } from "@/components/tabs";
import { StatusBadge, TenantDot } from "@/components/tenant-badge";
import { loadTenant } from "@/lib/load-tenant";
import { requireOperatorPage } from "@/lib/operator";
import { siteUrl } from "@/lib/site-url";

export default async function TenantLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tenantId: string }> }) {
  await requireOperatorPage();
  const { tenantId } = await params;
  const tenant = await loadTenant(tenantId);
  const web = tenant.domains.find((d) => d.kind === "WEB" && d.isPrimary);
  const base = `/tenants/${tenant.id}`;
  return (
    <>
      <PageHead
        crumbs={[{ href: "/tenants", label: "Tenants" }]}
        title={
          <span className="row" style={{ gap: 10 }}>
            <TenantDot
              name={tenant.name}
              color={tenant.primaryColor}
              logoUrl={tenant.logoPath ? `/api/tenants/${tenant.id}/logo?v=${encodeURIComponent(tenant.logoPath)}` : null}
            />
            {tenant.name}
            <StatusBadge status={tenant.status} />
          </span>
        }
        subtitle={
          <>
            <span className="mono">{tenant.slug}</span>
            {web ? (
              <>
                {" · "}
                <a href={siteUrl(web.hostname)} target="_blank" rel="noreferrer">
                  {web.hostname} ↗
                </a>
              </>
            ) : (
              " · no website host yet"
            )}
          </>
        }
      />
      {tenant.status === "SUSPENDED" ? (
        <div className="banner bad">
          <span aria-hidden>⏸</span>
          <div>
            <strong>Suspended</strong>
            Its website answers “temporarily unavailable” (503). Website events are still accepted and queued.
          </div>
        </div>
      ) : null}
      <Tabs
        tabs={[
          { href: base, label: "Settings", exact: true },
          { href: `${base}/domains`, label: `Domains (${tenant.domains.length})` },
          { href: `${base}/website`, label: "Website modules" },
          { href: `${base}/content`, label: "Towns & neighbourhoods" },
          { href: `${base}/feeds`, label: "MLS feeds" },
          { href: `${base}/activity`, label: "Audit trail" },
          { href: `/outbox?tenant=${tenant.id}`, label: "Outbox" },
        ]}
      />
      {children}
    </>
  );
}
