/** The smallest "nice" number (1, 2, 2.5, 5 × 10^n) at or above value; at least 1. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const exp = Math.floor(Math.log10(value));
  const base = 10 ** exp;
  for (const step of [1, 2, 2.5, 5, 10]) if (step * base >= value) return Math.max(step * base, 1);
  return 10 * base;
}

/** Grid values from 0 to max in steps that read well (no 6.25 or 18.75). */
export function niceTicks(max: number): number[] {
  for (const parts of [4, 5, 2]) {
    const step = max / parts;
    if (Number.isInteger(step) || (max < 4 && Number.isInteger(step * 100))) return Array.from({ length: parts + 1 }, (_, i) => i * step);
  }
  return [0, max];
}

export function formatTick(value: number): string {
  if (value >= 1000) return `${Math.round(value / 100) / 10}k`;
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 1 ? 2 : 1);
}

const hm = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
export const formatClock = (d: Date) => hm.format(d);

export const CHART = { width: 640, padLeft: 36, padRight: 8, padTop: 10, padBottom: 22 } as const;
