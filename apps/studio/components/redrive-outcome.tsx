import type { RedriveOutcome } from "@real-estate/operator";

const PARTS: { key: keyof Omit<RedriveOutcome, "tracked">; label: string; color: string }[] = [
  { key: "succeeded", label: "succeeded", color: "#22c55e" },
  { key: "gone", label: "completed and pruned", color: "#86efac" },
  { key: "failedAgain", label: "failed again", color: "#ef4444" },
  { key: "retrying", label: "retrying", color: "#f59e0b" },
  { key: "processing", label: "processing", color: "#8b5cf6" },
  { key: "waiting", label: "waiting for a worker", color: "#3b82f6" },
];

/** Where a re-drive's jobs are now, as a bar and a one-line summary. */
export function RedriveOutcomeView({ outcome, compact }: { outcome: RedriveOutcome | null; compact?: boolean }) {
  if (!outcome) return <span className="muted small">not tracked</span>;
  if (!outcome.tracked) return <span className="muted small">no jobs</span>;
  const shown = PARTS.filter((p) => outcome[p.key] > 0);
  return (
    <div style={{ minWidth: compact ? 180 : undefined }} data-testid="redrive-outcome">
      <div className="bar-track" style={{ height: compact ? 8 : 12 }}>
        {shown.map((p) => (
          <span key={p.key} style={{ width: `${(outcome[p.key] / outcome.tracked) * 100}%`, background: p.color }} title={`${outcome[p.key]} ${p.label}`} />
        ))}
      </div>
      <div className="small" style={{ marginTop: 4 }}>
        {shown.map((p, i) => (
          <span key={p.key} data-outcome={p.key}>
            {i > 0 ? " · " : ""}
            <strong>{outcome[p.key].toLocaleString("en-US")}</strong> {p.label}
          </span>
        ))}
      </div>
    </div>
  );
}

export function RunBadge({ outcome }: { outcome: string }) {
  const cls = outcome === "completed" ? "ok" : outcome === "running" ? "info" : "bad";
  return <span className={`badge ${cls}`}>{outcome}</span>;
}

/** The selection of a re-drive as stored in its audit row, in words. */
export function describeRedriveFilter(filter: unknown): string {
  const f = (filter ?? {}) as Record<string, unknown>;
  if (f.selection === "ids") return `${Array.isArray(f.ids) ? f.ids.length : "?"} selected job${Array.isArray(f.ids) && f.ids.length === 1 ? "" : "s"}`;
  const parts = ["tenant", "kind", "eventType", "error", "since", "until"].filter((k) => f[k]).map((k) => `${k} ${k === "error" ? `“${f[k]}”` : String(f[k])}`);
  return parts.length ? `all matching ${parts.join(", ")}` : "all dead letters";
}
