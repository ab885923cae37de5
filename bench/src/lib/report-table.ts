import { fmt } from "./context";
import type { Figure, ScenarioResult } from "./figures";

function cell(f: Figure): [string, string, string, string, string, string, string] {
  const digits = f.unit === "ms" || f.unit === "s" ? 1 : 0;
  if (f.skipped) return [f.scenario, f.name, `skipped: ${f.skipped}`, "", "", f.goal?.text ?? "", ""];
  const value = f.value === null ? "-" : `${fmt(f.value, digits)} ${f.unit}`;
  const base = f.baseline ? `${fmt(f.baseline.value, digits)} ${f.unit} (${f.baseline.label})` : "";
  const ratio = f.ratio === null ? "" : `${f.ratio.toFixed(2)}x`;
  const met = f.goal ? (f.goal.met === null ? "?" : f.goal.met ? "yes" : "NO") : "";
  return [f.scenario, f.name, value, base, ratio, f.goal?.text ?? "", met];
}

const HEAD = ["scenario", "figure", "ours", "baseline (same run)", "ratio", "goal", "met"];
const WRAP = 70;

/** The closing table: every figure with its baseline, ratio and goal. */
export function renderTable(results: ScenarioResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    if (r.figures.length === 0) rows.push([r.scenario, "", r.skipped ? `skipped: ${r.skipped}` : `failed: ${r.error ?? "?"}`, "", "", "", ""]);
    for (const f of r.figures) rows.push(cell(f));
  }
  const clipped = rows.map((row) => row.map((c) => (c.length > WRAP ? `${c.slice(0, WRAP - 1)}…` : c)));
  const widths = HEAD.map((h, i) => Math.max(h.length, ...clipped.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(" | ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("-+-");
  return [line(HEAD), rule, ...clipped.map(line)].join("\n");
}

/** The same table as Markdown, for bench/RESULTS.md and the README. */
export function renderMarkdown(results: ScenarioResult[]): string {
  const out = [`| ${HEAD.join(" | ")} |`, `| ${HEAD.map(() => "---").join(" | ")} |`];
  for (const r of results) {
    if (r.figures.length === 0) out.push(`| ${r.scenario} |  | ${r.skipped ? `skipped: ${r.skipped}` : `failed: ${r.error ?? "?"}`} |  |  |  |  |`);
    for (const f of r.figures)
      out.push(
        `| ${cell(f)
          .map((c) => c.replace(/\|/g, "\\|"))
          .join(" | ")} |`,
      );
  }
  return out.join("\n");
}
