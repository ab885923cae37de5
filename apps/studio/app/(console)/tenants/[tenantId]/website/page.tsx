import { getMapStyleSetting, listAreas, listModuleEditor } from "@real-estate/operator";
import type { Metadata } from "next";
import Link from "next/link";
import { MapStylePanel } from "@/components/map-style-panel";
import { ModulesEditor } from "@/components/modules-editor";
import { loadTenant } from "@/lib/load-tenant";
import { requireOperatorPage } from "@/lib/operator";
import { siteUrl } from "@/lib/site-url";

export const metadata: Metadata = { title: "Website modules" };

export default async function WebsiteModulesPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenantId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  await requireOperatorPage();
  const tenant = await loadTenant((await params).tenantId);
  const pageKind = (await searchParams).page === "neighborhood" ? "neighborhood" : "town";
  const [modules, areas, mapStyleUrl] = await Promise.all([
    listModuleEditor({ tenantId: tenant.id, pageKind: pageKind === "town" ? "TOWN" : "NEIGHBORHOOD" }),
    listAreas({ tenantId: tenant.id }),
    getMapStyleSetting({ tenantId: tenant.id }),
  ]);
  const web = tenant.domains.find((d) => d.kind === "WEB" && d.isPrimary);
  const town = areas[0];
  const hood = areas.find((a) => a.neighborhoods.length)?.neighborhoods[0];
  const hoodTown = areas.find((a) => a.neighborhoods.length);
  const previewPath = pageKind === "town" ? (town ? `/towns/${town.slug}` : null) : hood && hoodTown ? `/towns/${hoodTown.slug}/${hood.slug}` : null;
  return (
    <div className="stack">
      <div className="row">
        <div className="tabs" style={{ marginBottom: 0, borderBottom: 0 }}>
          <Link href="?page=town" className={pageKind === "town" ? "active" : undefined}>
            Town pages
          </Link>
          <Link href="?page=neighborhood" className={pageKind === "neighborhood" ? "active" : undefined}>
            Neighbourhood pages
          </Link>
        </div>
        <span className="spacer" />
        {web && previewPath ? (
          <a className="button small" href={siteUrl(web.hostname, { path: previewPath })} target="_blank" rel="noreferrer">
            Preview {previewPath} ↗
          </a>
        ) : null}
      </div>
      <ModulesEditor key={`${pageKind}-${JSON.stringify(modules)}`} tenantId={tenant.id} pageKind={pageKind} modules={modules} />
      <MapStylePanel key={mapStyleUrl ?? ""} tenantId={tenant.id} mapStyleUrl={mapStyleUrl} />
      <p className="muted small">Saving refreshes the tenant&apos;s cached pages on the website at once; every change is recorded in the audit trail.</p>
    </div>
  );
}
