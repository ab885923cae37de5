import type { OperatorActionRow } from "@real-estate/operator";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { AuditChange } from "./audit-change";

export function AuditTable({ rows, tenantNames }: { rows: OperatorActionRow[]; tenantNames: Map<string, string> }) {
  return (
    <table className="data" data-testid="audit-table">
      <thead>
        <tr>
          <th>When</th>
          <th>Who</th>
          <th>Action</th>
          <th>Tenant</th>
          <th>Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={5} className="empty">
              No operator actions recorded.
            </td>
          </tr>
        ) : null}
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="nowrap small">{formatDateTime(r.createdAt)}</td>
            <td className="small">{r.actorEmail}</td>
            <td>
              <span className="badge info mono">{r.action}</span>
              <div className="muted small mono">
                <Target row={r} />
              </div>
            </td>
            <td className="small">
              {r.tenantId ? (
                <Link href={`/tenants/${r.tenantId}`}>{tenantNames.get(r.tenantId) ?? r.tenantId.slice(0, 8)}</Link>
              ) : (
                <span className="muted">platform</span>
              )}
            </td>
            <td style={{ maxWidth: 560 }}>
              <AuditChange before={r.before} after={r.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The thing an action touched, linked where the studio has a page for it. */
function Target({ row }: { row: OperatorActionRow }) {
  const id = row.targetId ? (row.targetId.length > 20 ? `${row.targetId.slice(0, 8)}…` : row.targetId) : "";
  if (row.targetType === "redrive" && row.targetId) return <Link href={`/redrives/${row.targetId}`}>re-drive {id}</Link>;
  if (row.targetType === "ingestion-job" && row.targetId && row.tenantId)
    return <Link href={`/dead-letters/${row.tenantId}/${row.targetId}`}>job #{row.targetId}</Link>;
  return (
    <>
      {row.targetType} {id}
    </>
  );
}
