import Link from "next/link";

export type Bar = { label: string; value: number; href?: string; color?: string };

/** Horizontal bar chart in inline SVG: label, bar scaled to the largest value, count. */
export function BarChart({ bars, title, color = "var(--brand)" }: { bars: Bar[]; title: string; color?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 26;
  const labelW = 128;
  const width = 420;
  const barMax = width - labelW - 46;
  if (!bars.length) return <p className="muted">No data yet.</p>;
  return (
    <svg className="chart" role="group" aria-label={title} viewBox={`0 0 ${width} ${bars.length * rowH}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * rowH;
        const w = Math.max(b.value ? 3 : 0, (b.value / max) * barMax);
        const row = (
          <g>
            <text className="lbl" x={0} y={y + 17}>
              {b.label}
            </text>
            <rect x={labelW} y={y + 5} width={barMax} height={16} rx={3} fill="#f1f3f6" />
            <rect x={labelW} y={y + 5} width={w} height={16} rx={3} fill={b.color ?? color} />
            <text x={labelW + w + 6} y={y + 17} fontWeight={600}>
              {b.value}
            </text>
          </g>
        );
        return b.href ? (
          <Link key={b.label} href={b.href}>
            {row}
          </Link>
        ) : (
          <g key={b.label}>{row}</g>
        );
      })}
    </svg>
  );
}
