import { round } from "./stats";

/** What "better" means for a figure's own value. */
export type Better = "higher" | "lower";

export type Goal = {
  /** Human wording, e.g. ">= 0.8 x direct". */
  text: string;
  ratioAtLeast?: number;
  ratioAtMost?: number;
  valueAtMost?: number;
  valueEquals?: number;
  met: boolean | null;
};

export type Figure = {
  scenario: string;
  name: string;
  unit: string;
  better: Better;
  /** Our figure; null when it could not be measured (see `skipped`). */
  value: number | null;
  baseline: { label: string; value: number | null } | null;
  /** value / baseline.value; null without both. */
  ratio: number | null;
  goal: Goal | null;
  skipped?: string;
  note?: string;
};

export type GoalSpec = Omit<Goal, "met">;

function evaluate(spec: GoalSpec, value: number | null, ratio: number | null): boolean | null {
  const checks: boolean[] = [];
  if (spec.ratioAtLeast !== undefined) {
    if (ratio === null) return null;
    checks.push(ratio >= spec.ratioAtLeast);
  }
  if (spec.ratioAtMost !== undefined) {
    if (ratio === null) return null;
    checks.push(ratio <= spec.ratioAtMost);
  }
  if (spec.valueAtMost !== undefined) {
    if (value === null) return null;
    checks.push(value <= spec.valueAtMost);
  }
  if (spec.valueEquals !== undefined) {
    if (value === null) return null;
    checks.push(value === spec.valueEquals);
  }
  return checks.length ? checks.every(Boolean) : null;
}

export function figure(input: {
  scenario: string;
  name: string;
  unit: string;
  better: Better;
  value: number | null;
  baseline?: { label: string; value: number | null } | null;
  goal?: GoalSpec | null;
  note?: string;
}): Figure {
  const baseline = input.baseline ?? null;
  const ratio =
    input.value !== null && baseline?.value !== null && baseline?.value !== undefined && baseline.value !== 0 ? round(input.value / baseline.value, 3) : null;
  const goal = input.goal ? { ...input.goal, met: evaluate(input.goal, input.value, ratio) } : null;
  return {
    scenario: input.scenario,
    name: input.name,
    unit: input.unit,
    better: input.better,
    value: round(input.value, 2),
    baseline: baseline ? { label: baseline.label, value: round(baseline.value, 2) } : null,
    ratio,
    goal,
    ...(input.note ? { note: input.note } : {}),
  };
}

/** A figure that could not be measured because the part it measures is missing or failed. */
export function skippedFigure(scenario: string, name: string, reason: string, goal?: GoalSpec): Figure {
  return {
    scenario,
    name,
    unit: "",
    better: "higher",
    value: null,
    baseline: null,
    ratio: null,
    goal: goal ? { ...goal, met: null } : null,
    skipped: reason,
  };
}

export type ScenarioResult = {
  scenario: string;
  figures: Figure[];
  /** Raw numbers behind the figures (per system, per phase), for latest.json. */
  details: Record<string, unknown>;
  /** Set when the whole scenario could not run. */
  skipped?: string;
  error?: string;
  seconds: number;
};
