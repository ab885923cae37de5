import type { OperatorActionRow } from "@real-estate/db/studio";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";

function short(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** Long id lists (a re-drive's jobs) are summarised rather than printed. */
function summarise(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) && v.length > 5 ? `${v.length} ${k}` : v]));
}

/** before → after for flat records; nested values fold into a JSON view. */
function Change(props: { before: unknown; after: unknown }) {
  const before = summarise(props.before);
  const after = summarise(props.after);
  const isFlat = (v: unknown) => v === null || (typeof v === "object" && !Array.isArray(v) && Object.values(v as object).every((x) => x === null || typeof x !== "object"));
  if (isFlat(before) && isFlat(after)) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    if (!keys.length) return <span className="muted">—</span>;
    return (
      <div className="small">
        {keys.map((k) => (
          <div key={k}>
            <span className="muted">{k}:</span> {k in b ? <del className="muted">{short(b[k])}</del> : null}
            {k in b && k in a ? " → " : null}
            {k in a ? <strong>{short(a[k])}</strong> : null}
          </div>
        ))}
      </div>
    );
  }
  return (
    <details className="small">
      <summary>before / after</summary>
      <div className="grid grid-2" style={{ marginTop: 6 }}>
        <pre className="json">{JSON.stringify(before, null, 2)}</pre>
        <pre className="json">{JSON.stringify(after, null, 2)}</pre>
      </div>
    </details>
  );
}

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
                {r.targetType}
                {r.targetId ? ` ${r.targetId.length > 20 ? `${r.targetId.slice(0, 8)}…` : r.targetId}` : ""}
              </div>
            </td>
            <td className="small">{r.tenantId ? <Link href={`/tenants/${r.tenantId}`}>{tenantNames.get(r.tenantId) ?? r.tenantId.slice(0, 8)}</Link> : <span className="muted">platform</span>}</td>
            <td style={{ maxWidth: 560 }}>
              <Change before={r.before} after={r.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
