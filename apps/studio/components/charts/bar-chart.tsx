import { CHART, formatClock, formatTick, niceCeil, niceTicks } from "./scale";

/** Vertical bars over time buckets, as inline SVG; each bar carries its value as a tooltip. */
export function BarChart(props: {
  values: number[];
  start: Date | string;
  bucketSeconds: number;
  color: string;
  height?: number;
  label: string;
  unit: string;
}) {
  const height = props.height ?? 150;
  const { width, padLeft, padRight, padTop, padBottom } = CHART;
  const n = Math.max(props.values.length, 1);
  const max = niceCeil(Math.max(...props.values, 0));
  const plotW = width - padLeft - padRight;
  const plotH = height - padTop - padBottom;
  const slot = plotW / n;
  const y = (v: number) => padTop + plotH - (v / max) * plotH;
  const start = new Date(props.start).getTime();
  const at = (i: number) => new Date(start + i * props.bucketSeconds * 1000);
  const tickEvery = Math.max(1, Math.round(n / 6));
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.label}>
      {niceTicks(max).map((v) => (
        <g key={v}>
          <line className="grid-line" x1={padLeft} x2={width - padRight} y1={y(v)} y2={y(v)} />
          <text x={padLeft - 6} y={y(v) + 3.5} textAnchor="end">
            {formatTick(v)}
          </text>
        </g>
      ))}
      {props.values.map((v, i) => (
        <rect key={i} x={padLeft + i * slot + slot * 0.15} width={slot * 0.7} y={y(v)} height={Math.max(0, y(0) - y(v))} fill={props.color} rx={1.5}>
          <title>{`${formatClock(at(i))}–${formatClock(at(i + 1))} UTC: ${v} ${props.unit}`}</title>
        </rect>
      ))}
      {props.values.map((_, i) =>
        i % tickEvery === 0 ? (
          <text key={`t${i}`} x={padLeft + i * slot + slot / 2} y={height - 6} textAnchor="middle">
            {formatClock(at(i))}
          </text>
        ) : null,
      )}
    </svg>
  );
}
