import { isUuid, listOperatorActions, listTenants } from "@real-estate/operator";
import type { Metadata } from "next";
import { AuditTable } from "@/components/audit-table";
import { BadPageLink, OlderLink, readBefore } from "@/components/older-link";
import { PageHead } from "@/components/page-head";
import { TenantSelect } from "@/components/tenant-select";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Audit log" };

type Search = { tenant?: string; action?: string; actor?: string; before?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireOperatorPage();
  const s = await searchParams;
  const before = readBefore(s.before);
  if (before === null) {
    const { before: _malformed, ...filters } = s;
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => typeof v === "string" && v) as [string, string][]);
    return (
      <>
        <PageHead title="Audit log" />
        <BadPageLink firstPage={`/audit${query.size ? `?${query}` : ""}`} />
      </>
    );
  }
  const tenants = await listTenants();
  const page = await listOperatorActions({
    tenantId: isUuid(s.tenant) ? s.tenant : undefined,
    action: s.action || undefined,
    actorEmail: s.actor || undefined,
    before,
    limit: 50,
  });
  const next = page.nextCursor ? `?${new URLSearchParams({ ...s, before: page.nextCursor } as Record<string, string>)}` : null;
  return (
    <>
      <PageHead title="Audit log" subtitle="Every change made in the studio: who, when, what, before and after" />
      <div className="panel">
        <div className="panel-head">
          <form className="row" method="get">
            <TenantSelect tenants={tenants} value={s.tenant} />
            <select name="action" defaultValue={s.action ?? ""} aria-label="Action">
              <option value="">Any action</option>
              {["tenant", "domain", "module", "town", "neighborhood", "deadletter"].map((a) => (
                <option key={a} value={a}>
                  {a}.*
                </option>
              ))}
            </select>
            <input type="search" name="actor" defaultValue={s.actor} placeholder="Operator email" aria-label="Operator" />
            <button type="submit">Filter</button>
          </form>
        </div>
        <AuditTable rows={page.rows} tenantNames={new Map(tenants.map((t) => [t.id, t.name]))} />
        <OlderLink href={next} />
      </div>
    </>
  );
}
