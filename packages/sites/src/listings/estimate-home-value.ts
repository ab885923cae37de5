import type { Db } from "@real-estate/db";
import { findComparables, MIN_COMPARABLES, type Comparable, type ComparableSubject, type FactsUsed } from "./find-comparables";

export { MIN_COMPARABLES };

export type HomeValueEstimate =
  | { status: "estimated"; low: number; high: number; midpoint: number; basis: "price-per-sqft" | "price"; comparables: Comparable[]; facts: FactsUsed }
  | { status: "insufficient_data"; comparables: Comparable[]; minimum: number; facts: FactsUsed };

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const roundTo = (n: number, step: number) => Math.round(n / step) * step;

/**
 * An automated estimate range from comparable listings: the interquartile range of their price
 * per square foot times the subject's living area (or of their prices when no area is given),
 * widened to at least ±5 % around the median. Too few comparables: no number, said plainly.
 */
export function estimateFromComparables(
  subject: ComparableSubject,
  comparables: Comparable[],
  facts: FactsUsed = { used: [], notUsed: [] },
): HomeValueEstimate {
  if (comparables.length < MIN_COMPARABLES) return { status: "insufficient_data", comparables, minimum: MIN_COMPARABLES, facts };
  const area = subject.livingArea;
  const withArea = comparables.filter((c) => c.LivingArea && c.LivingArea > 0);
  const byArea = Boolean(area) && withArea.length >= MIN_COMPARABLES;
  const values = (byArea ? withArea.map((c) => (c.price / c.LivingArea!) * area!) : comparables.map((c) => c.price)).sort((a, b) => a - b);
  const midpoint = quantile(values, 0.5);
  const low = Math.min(quantile(values, 0.25), midpoint * 0.95);
  const high = Math.max(quantile(values, 0.75), midpoint * 1.05);
  return {
    status: "estimated",
    low: roundTo(low, 5_000),
    high: roundTo(high, 5_000),
    midpoint: roundTo(midpoint, 1_000),
    basis: byArea ? "price-per-sqft" : "price",
    comparables,
    facts,
  };
}

/** Finds comparables in the tenant's listings and estimates a value range from them, saying which facts it used. */
export async function estimateHomeValue(options: { tenantId: string; subject: ComparableSubject; db?: Db }): Promise<HomeValueEstimate> {
  const { comparables, facts } = await findComparables(options);
  return estimateFromComparables(options.subject, comparables, facts);
}
