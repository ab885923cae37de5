import { CHART, formatClock, formatTick, niceCeil, niceTicks } from "./scale";

export type LineSeries = { label: string; color: string; values: number[] };

/**
 * A time-series line chart as inline SVG (no script, no external assets). Each bucket has a
 * hover target whose tooltip lists every series' value.
 */
export function LineChart(props: { series: LineSeries[]; start: Date | string; bucketSeconds: number; height?: number; label: string; unit?: string }) {
  const height = props.height ?? 170;
  const { width, padLeft, padRight, padTop, padBottom } = CHART;
  const n = Math.max(...props.series.map((s) => s.values.length), 1);
  const max = niceCeil(Math.max(...props.series.flatMap((s) => s.values), 0));
  const plotW = width - padLeft - padRight;
  const plotH = height - padTop - padBottom;
  const x = (i: number) => padLeft + (n === 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => padTop + plotH - (v / max) * plotH;
  const start = new Date(props.start).getTime();
  const at = (i: number) => new Date(start + i * props.bucketSeconds * 1000);
  const tickEvery = Math.max(1, Math.round(n / 6));
  const gridValues = niceTicks(max);
  const unit = props.unit ? ` ${props.unit}` : "";
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.label}>
      {gridValues.map((v) => (
        <g key={v}>
          <line className="grid-line" x1={padLeft} x2={width - padRight} y1={y(v)} y2={y(v)} />
          <text x={padLeft - 6} y={y(v) + 3.5} textAnchor="end">
            {formatTick(v)}
          </text>
        </g>
      ))}
      {Array.from({ length: n }, (_, i) => i)
        .filter((i) => i % tickEvery === 0 || i === n - 1)
        .filter((i, idx, all) => i === n - 1 || (all[idx + 1] ?? n) - i >= tickEvery * 0.6)
        .map((i) => (
          <text key={i} x={x(i)} y={height - 6} textAnchor={i === 0 ? "start" : i === n - 1 ? "end" : "middle"}>
            {formatClock(at(i))}
          </text>
        ))}
      {props.series.map((s, si) => {
        const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
        return (
          <g key={s.label}>
            {si === 0 ? <polygon points={`${x(0)},${y(0)} ${points} ${x(s.values.length - 1)},${y(0)}`} fill={s.color} opacity={0.1} /> : null}
            <polyline points={points} fill="none" stroke={s.color} strokeWidth={1.6} strokeLinejoin="round" />
          </g>
        );
      })}
      {Array.from({ length: n }, (_, i) => (
        <rect key={i} x={x(i) - plotW / n / 2} y={padTop} width={plotW / n} height={plotH} fill="transparent">
          <title>{`${formatClock(at(i))} UTC\n${props.series.map((s) => `${s.label}: ${formatTick(s.values[i] ?? 0)}${unit}`).join("\n")}`}</title>
        </rect>
      ))}
    </svg>
  );
}
