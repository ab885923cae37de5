import { listOperatorActions } from "@real-estate/operator";
import type { Metadata } from "next";
import { BadPageLink, OlderLink, readBefore } from "@/components/older-link";
import { AuditTable } from "@/components/audit-table";
import { loadTenant } from "@/lib/load-tenant";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Audit trail" };

export default async function TenantActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenantId: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  await requireOperatorPage();
  const tenant = await loadTenant((await params).tenantId);
  const before = readBefore((await searchParams).before);
  if (before === null) return <BadPageLink firstPage={`/tenants/${tenant.id}/activity`} />;
  const page = await listOperatorActions({ tenantId: tenant.id, before, limit: 50 });
  return (
    <div className="panel">
      <AuditTable rows={page.rows} tenantNames={new Map([[tenant.id, tenant.name]])} />
      <OlderLink href={page.nextCursor ? `?before=${page.nextCursor}` : null} />
    </div>
  );
}
