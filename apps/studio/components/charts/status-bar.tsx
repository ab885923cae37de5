export const STATUS_COLORS = { PENDING: "#3b82f6", PROCESSING: "#8b5cf6", COMPLETED: "#22c55e", DEAD_LETTERED: "#ef4444" } as const;
export type JobStatusKey = keyof typeof STATUS_COLORS;

/** One tenant's jobs by status as a horizontal stacked bar, scaled to the largest tenant. */
export function StatusBar(props: { counts: Record<JobStatusKey, number>; scale: number }) {
  const keys = Object.keys(STATUS_COLORS) as JobStatusKey[];
  const total = keys.reduce((sum, k) => sum + props.counts[k], 0);
  const width = props.scale > 0 ? Math.max(2, (total / props.scale) * 100) : 0;
  return (
    <div className="bar-track" style={{ minWidth: 60 }} title={keys.map((k) => `${k.toLowerCase().replace("_", " ")}: ${props.counts[k]}`).join(", ")}>
      <div style={{ display: "flex", width: `${width}%`, height: "100%" }}>
        {keys.map((k) =>
          props.counts[k] > 0 ? <span key={k} style={{ width: `${(props.counts[k] / total) * 100}%`, background: STATUS_COLORS[k] }} /> : null,
        )}
      </div>
    </div>
  );
}
