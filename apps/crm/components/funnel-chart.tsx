import Link from "next/link";

export type Stage = { label: string; value: number; href?: string };

/**
 * Pipeline funnel in inline SVG: one centred band per stage, its width proportional to the
 * count (with a minimum so empty stages still show), stages in pipeline order.
 */
export function FunnelChart({ stages, title }: { stages: Stage[]; title: string }) {
  const max = Math.max(1, ...stages.map((s) => s.value));
  const width = 420;
  const rowH = 30;
  const shades = ["#1f4e79", "#2b6196", "#3a74ad", "#5089bf", "#6a9ecd", "#147a46", "#9aa3ae"];
  return (
    <svg className="chart" role="group" aria-label={title} viewBox={`0 0 ${width} ${stages.length * rowH}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <title>{title}</title>
      {stages.map((s, i) => {
        const w = 60 + (s.value / max) * (width - 170);
        const x = (width - 110 - w) / 2;
        const y = i * rowH;
        const band = (
          <g>
            <rect x={x} y={y + 3} width={w} height={rowH - 6} rx={4} fill={shades[i % shades.length]} style={{ fill: i === 0 ? "var(--brand)" : undefined }} />
            <text x={x + w / 2} y={y + 19} textAnchor="middle" fill="#fff" style={{ fill: "#fff" }} fontWeight={650}>
              {s.value}
            </text>
            <text className="lbl" x={width - 104} y={y + 19}>
              {s.label}
            </text>
          </g>
        );
        return s.href ? (
          <Link key={s.label} href={s.href}>
            {band}
          </Link>
        ) : (
          <g key={s.label}>{band}</g>
        );
      })}
    </svg>
  );
}
