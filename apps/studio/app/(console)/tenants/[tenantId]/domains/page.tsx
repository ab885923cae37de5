import type { Metadata } from "next";
import { DomainsEditor } from "@/components/domains-editor";
import { loadTenant } from "@/lib/load-tenant";
import { requireOperatorPage } from "@/lib/operator";
import { siteUrl } from "@/lib/site-url";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({ params, searchParams }: { params: Promise<{ tenantId: string }>; searchParams: Promise<{ created?: string }> }) {
  await requireOperatorPage();
  const tenant = await loadTenant((await params).tenantId);
  const { created } = await searchParams;
  return (
    <>
      {created ? (
        <div className="banner ok">
          <span aria-hidden>✓</span>
          <div>
            <strong>{tenant.name} created</strong>
            Add a website host so its site can be reached.
          </div>
        </div>
      ) : null}
      <DomainsEditor
        tenantId={tenant.id}
        domains={tenant.domains.map((d) => ({
          id: d.id,
          hostname: d.hostname,
          kind: d.kind,
          isPrimary: d.isPrimary,
          href: siteUrl(d.hostname, { kind: d.kind }),
        }))}
      />
    </>
  );
}
