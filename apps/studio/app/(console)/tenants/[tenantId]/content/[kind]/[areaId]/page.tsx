import { getArea, StudioNotFoundError } from "@real-estate/operator";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AreaEditor } from "@/components/area-editor";
import { formatDateTime } from "@/lib/format";
import { loadTenant } from "@/lib/load-tenant";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Edit area" };

export default async function AreaPage({ params }: { params: Promise<{ tenantId: string; kind: string; areaId: string }> }) {
  await requireOperatorPage();
  const { tenantId, kind, areaId } = await params;
  const tenant = await loadTenant(tenantId);
  if (kind !== "town" && kind !== "neighborhood") notFound();
  const area = await getArea({ tenantId: tenant.id, kind, areaId }).catch((error: unknown) => {
    if (error instanceof StudioNotFoundError) notFound();
    throw error;
  });
  return (
    <div className="stack">
      <div className="row">
        <Link href={`/tenants/${tenant.id}/content`}>← Towns and neighbourhoods</Link>
        <span className="spacer" />
        <span className="muted small">
          {kind === "town" ? "Town" : `Neighbourhood of ${area.town?.name}`} · <span className="mono">{area.slug}</span> · updated{" "}
          {formatDateTime(area.updatedAt)}
          {area.isSample ? (
            <>
              {" · "}
              <span className="badge warn">sample data</span>
            </>
          ) : null}
        </span>
      </div>
      {area.invalidContent ? (
        <div className="banner warn">The stored content no longer matches the expected shape; it is shown as stored. Fix it and save.</div>
      ) : null}
      <AreaEditor
        url={`/api/tenants/${tenant.id}/areas/${kind}/${area.id}`}
        name={area.name}
        summary={area.summary}
        content={area.invalidContent ?? area.content}
      />
    </div>
  );
}
