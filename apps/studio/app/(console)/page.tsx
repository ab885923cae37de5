import { isUuid, listTenants, unsafeGetIngestionOverview } from "@real-estate/operator";
import type { Metadata } from "next";
import { AutoRefresh } from "@/components/auto-refresh";
import { HealthBanner } from "@/components/overview/health-banner";
import { StatCards } from "@/components/overview/stat-cards";
import { KindJobs } from "@/components/overview/kind-jobs";
import { TenantJobs } from "@/components/overview/tenant-jobs";
import { DeadLetterTrend, ThroughputCharts } from "@/components/overview/throughput-charts";
import { PageHead } from "@/components/page-head";
import { TenantSelect } from "@/components/tenant-select";
import { formatDateTime } from "@/lib/format";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  await requireOperatorPage();
  const { tenant } = await searchParams;
  const [o, tenants] = await Promise.all([unsafeGetIngestionOverview({ tenantId: isUuid(tenant) ? tenant : undefined }), listTenants()]);
  return (
    <>
      <PageHead
        title="Ingestion health"
        subtitle={`The durable queue: website events turned into CRM records, e-mails and other jobs · as of ${formatDateTime(o.generatedAt)}`}
        actions={
          <>
            <form className="row" method="get">
              <TenantSelect tenants={tenants} value={tenant} />
              <button type="submit">Show</button>
            </form>
            <AutoRefresh seconds={15} />
          </>
        }
      />
      <HealthBanner o={o} />
      <StatCards o={o} />
      <ThroughputCharts o={o} />
      <section className="grid" style={{ gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.3fr)" }}>
        <DeadLetterTrend o={o} />
        <TenantJobs o={o} />
      </section>
      <KindJobs o={o} />
    </>
  );
}
