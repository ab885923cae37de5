// Figures each check reports, collected across test files (one JSON line each) and printed as
// one table at the end of a run.
import fs from "node:fs";
import path from "node:path";

export type CheckFigures = {
  check: string;
  /** Requests or operations made. */
  probes: number;
  /** Responses or rows that showed or changed another tenant's data (or an erased person's). */
  leaks: number;
  /** Responses with status >= 500 where none is allowed. */
  fiveXx: number;
  /** Accepted events (202) without their CRM effect. */
  lost: number;
  /** Accepted events with more than one CRM effect. */
  doubled: number;
  /** Other failures of the check's expectations (wrong status, missing header, ...). */
  failures: number;
  note?: string;
};

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");
export const ARTIFACTS_DIR = path.join(process.env.TEST_ARTIFACTS_DIR ?? path.join(REPO_ROOT, "test-artifacts"), "reliability");
/** One file per run (the run's id is set by the global setup and inherited by the test workers), so two runs never mix figures. */
const summaryFile = () => path.join(ARTIFACTS_DIR, `summary-${process.env.RELIABILITY_RUN_ID ?? "adhoc"}.jsonl`);

export function resetFigures(): void {
  process.env.RELIABILITY_RUN_ID ??= `${Date.now().toString(36)}-${process.pid}`;
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.writeFileSync(summaryFile(), "");
}

export function recordFigures(figures: Partial<CheckFigures> & { check: string }): CheckFigures {
  const full: CheckFigures = { probes: 0, leaks: 0, fiveXx: 0, lost: 0, doubled: 0, failures: 0, ...figures };
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.appendFileSync(summaryFile(), `${JSON.stringify(full)}\n`);
  return full;
}

export function readFigures(): CheckFigures[] {
  if (!fs.existsSync(summaryFile())) return [];
  return fs
    .readFileSync(summaryFile(), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CheckFigures);
}

const COLUMNS = ["check", "probes", "leaks", "5xx", "lost", "doubled", "failures"] as const;

export function formatSummaryTable(rows: CheckFigures[], profile: string): string {
  const cells = rows.map((r) => [r.check, r.probes, r.leaks, r.fiveXx, r.lost, r.doubled, r.failures].map(String));
  const total = rows.reduce(
    (t, r) => ({
      probes: t.probes + r.probes,
      leaks: t.leaks + r.leaks,
      fiveXx: t.fiveXx + r.fiveXx,
      lost: t.lost + r.lost,
      doubled: t.doubled + r.doubled,
      failures: t.failures + r.failures,
    }),
    { probes: 0, leaks: 0, fiveXx: 0, lost: 0, doubled: 0, failures: 0 },
  );
  cells.push(["TOTAL", total.probes, total.leaks, total.fiveXx, total.lost, total.doubled, total.failures].map(String));
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const sep = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.check}: ${r.note}`);
  return [
    `Reliability summary (${profile} profile)`,
    line(COLUMNS),
    sep,
    ...cells.slice(0, -1).map(line),
    sep,
    line(cells[cells.length - 1]!),
    ...(notes.length ? ["", ...notes] : []),
  ].join("\n");
}
