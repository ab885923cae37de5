import type { BenchArgs } from "./args";
import type { Sizes } from "./sizes";

export type BenchContext = { args: BenchArgs; sizes: Sizes; runId: string };

/** Thrown when the part a scenario measures has not landed; reported as "skipped: <reason>". */
export class SkipError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "SkipError";
  }
}

export function log(line: string): void {
  console.log(`  ${line}`);
}

export function fmt(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "-";
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
