import type { Figure } from "./figures";

const W = 1320;
const LABEL_W = 560;
const PLOT_W = 440;
const ROW_H = 24;
const TOP = 70;

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function goalThreshold(f: Figure): number | null {
  return f.goal?.ratioAtLeast ?? f.goal?.ratioAtMost ?? null;
}

/**
 * A horizontal bar chart of every ratio (ours / baseline) on a log scale, bars drawn from 1.0
 * (parity), green when the goal is met, red when not, grey without a goal; the goal is a tick.
 */
export function renderRatiosSvg(figures: Figure[], subtitle: string): string {
  const rows = figures.filter((f) => f.ratio !== null && f.ratio > 0);
  const values = rows.flatMap((f) => [f.ratio!, goalThreshold(f) ?? 1]);
  const lo = Math.floor(Math.log10(Math.min(0.5, ...values) / 1.2));
  const hi = Math.ceil(Math.log10(Math.max(2, ...values) * 1.2));
  const x = (v: number) => LABEL_W + ((Math.log10(v) - lo) / (hi - lo)) * PLOT_W;
  const height = TOP + rows.length * ROW_H + 50;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="16" font-weight="bold">npm run bench: ours / baseline measured in the same run (log scale)</text>`,
    `<text x="16" y="44" fill="#555">${esc(subtitle)}</text>`,
  ];
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) for (const m of [1, 2, 5]) if (e + Math.log10(m) <= hi) ticks.push(m * 10 ** e);
  for (const t of ticks) {
    const tx = x(t).toFixed(1);
    parts.push(
      `<line x1="${tx}" y1="${TOP - 6}" x2="${tx}" y2="${TOP + rows.length * ROW_H}" stroke="${t === 1 ? "#333" : "#e3e3e3"}" stroke-width="${t === 1 ? 1.5 : 1}"/>`,
    );
    parts.push(`<text x="${tx}" y="${TOP + rows.length * ROW_H + 16}" text-anchor="middle" fill="#555">${t >= 1 ? t : t.toPrecision(1)}x</text>`);
  }
  rows.forEach((f, i) => {
    const y = TOP + i * ROW_H;
    const met = f.goal?.met;
    const color = met === true ? "#2e7d32" : met === false ? "#c62828" : "#8a8a8a";
    const x0 = x(1);
    const x1 = x(f.ratio!);
    const label = `${f.scenario}: ${f.name}${f.better === "lower" ? " (lower is better)" : ""}`;
    parts.push(`<text x="${LABEL_W - 8}" y="${y + 16}" text-anchor="end">${esc(label.length > 84 ? `${label.slice(0, 83)}…` : label)}</text>`);
    parts.push(
      `<rect x="${Math.min(x0, x1).toFixed(1)}" y="${y + 5}" width="${Math.max(1, Math.abs(x1 - x0)).toFixed(1)}" height="${ROW_H - 10}" fill="${color}"/>`,
    );
    const goal = goalThreshold(f);
    if (goal !== null) {
      const gx = x(goal).toFixed(1);
      parts.push(`<line x1="${gx}" y1="${y + 1}" x2="${gx}" y2="${y + ROW_H - 1}" stroke="#000" stroke-width="2" stroke-dasharray="3,2"/>`);
    }
    const goalText = f.goal ? ` (goal ${f.goal.text})` : "";
    parts.push(`<text x="${LABEL_W + PLOT_W + 12}" y="${y + 16}" fill="${color}">${f.ratio!.toFixed(2)}x${esc(goalText)}</text>`);
  });
  const ly = TOP + rows.length * ROW_H + 36;
  parts.push(
    `<text x="16" y="${ly}" fill="#555">green: goal met; red: goal missed; grey: no goal; dashed tick: the goal; bars start at parity (1.0x). Skipped figures are not drawn.</text>`,
  );
  parts.push(`</svg>`);
  return parts.join("\n");
}
