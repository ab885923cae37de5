import { parseArgs, type ParseArgsConfig } from "node:util";
import type { DeadLetterFilter } from "@real-estate/queue";

/** Bad command-line input: the binary prints the message and its usage, then exits 2. */
export class UsageError extends Error {}

export const FILTER_OPTIONS = {
  tenant: { type: "string" },
  type: { type: "string" },
  error: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

export const FILTER_USAGE = `  --tenant SLUG|ID   only this tenant's dead letters
  --type TYPE        event type, e.g. lead.submitted
  --error TEXT       last error contains TEXT (case-insensitive)
  --since ISO        dead-lettered at or after (e.g. 2026-01-31 or 2026-01-31T12:00:00Z)
  --until ISO        dead-lettered before`;

/** parseArgs, with its errors turned into UsageError. */
export function parseCli<T extends ParseArgsConfig["options"]>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseDate(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new UsageError(`--${flag} must be an ISO date or date-time, got "${value}"`);
  return date;
}

export function filterFromArgs(values: { tenant?: string; type?: string; error?: string; since?: string; until?: string }): DeadLetterFilter {
  const filter: DeadLetterFilter = {};
  if (values.tenant !== undefined) filter.tenant = nonEmpty("tenant", values.tenant);
  if (values.type !== undefined) filter.eventType = nonEmpty("type", values.type);
  if (values.error !== undefined) filter.error = nonEmpty("error", values.error);
  filter.since = parseDate("since", values.since);
  filter.until = parseDate("until", values.until);
  if (filter.since && filter.until && filter.since >= filter.until) throw new UsageError("--since must be before --until");
  if (!filter.since) delete filter.since;
  if (!filter.until) delete filter.until;
  return filter;
}

function nonEmpty(flag: string, value: string): string {
  if (!value.trim()) throw new UsageError(`--${flag} must not be empty`);
  return value.trim();
}

export function positiveInt(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${flag} must be an integer from 1 to ${max}, got "${value}"`);
  return n;
}

/** Accepts "50", "50/s" or "0.5/s". */
export function parseRate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(?:\/s)?$/.exec(value.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!(n > 0)) throw new UsageError(`--rate must be a positive number of jobs per second like 50 or 50/s, got "${value}"`);
  return n;
}

/** Runs a CLI body: usage errors print the usage and exit 2; other errors print one line and exit 1. */
export async function runCli(usage: string, body: () => Promise<number>): Promise<never> {
  try {
    process.exit(await body());
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${usage}`);
      process.exit(2);
    }
    console.error(`error: ${(error as Error).message ?? String(error)}`);
    process.exit(1);
  }
}
