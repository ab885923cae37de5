import type { Metadata } from "next";
import { LogoPanel } from "@/components/logo-panel";
import { TenantForm } from "@/components/tenant-form";
import { TenantStatusPanel } from "@/components/tenant-status-panel";
import { loadTenant } from "@/lib/load-tenant";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Tenant settings" };

export default async function TenantSettingsPage({ params }: { params: Promise<{ tenantId: string }> }) {
  await requireOperatorPage();
  const tenant = await loadTenant((await params).tenantId);
  return (
    <div className="grid" style={{ gridTemplateColumns: "minmax(0, 1.6fr) minmax(0, 1fr)", alignItems: "start" }}>
      <div className="panel">
        <div className="panel-head">
          <div>
            <h2>Identity and colours</h2>
            <p>Shown on the tenant&apos;s website and CRM</p>
          </div>
        </div>
        <div className="panel-body">
          <TenantForm
            key={tenant.updatedAt.toISOString()}
            tenantId={tenant.id}
            initial={{
              slug: tenant.slug,
              name: tenant.name,
              primaryColor: tenant.primaryColor,
              accentColor: tenant.accentColor,
              tagline: tenant.tagline ?? "",
              country: tenant.country,
              timeZone: tenant.timeZone,
              clerkOrganizationId: tenant.clerkOrganizationId ?? "",
            }}
          />
        </div>
      </div>
      <div className="stack">
        <LogoPanel tenantId={tenant.id} logoPath={tenant.logoPath} />
        <TenantStatusPanel tenantId={tenant.id} name={tenant.name} status={tenant.status} />
      </div>
    </div>
  );
}
