import type { TWebsiteEventType } from "@real-estate/types";

/**
 * Delay before retry number n (1-based): 30 s, 2 min, 10 min, 1 h, 6 h, then 6 h,
 * each with ±20 % jitter so a burst of failures does not retry in lock-step.
 */
export const RETRY_SCHEDULE_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;

/** Attempts (first try included) before a job is dead-lettered, per event type. */
export const MAX_ATTEMPTS_BY_TYPE: Record<TWebsiteEventType, number> = {
  "lead.submitted": 6,
  "valuation.requested": 6,
  "visitor.registered": 5,
  "listing.saved": 4,
  "search.saved": 4,
};

export function maxAttemptsFor(type: string): number {
  const override = Number(process.env.INGESTION_MAX_ATTEMPTS);
  if (Number.isInteger(override) && override > 0) return override;
  return MAX_ATTEMPTS_BY_TYPE[type as TWebsiteEventType] ?? 5;
}

/** Milliseconds to wait after failed attempt number `attempt` (1-based). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = RETRY_SCHEDULE_MS[Math.min(attempt, RETRY_SCHEDULE_MS.length) - 1] ?? RETRY_SCHEDULE_MS[0];
  const jitter = 1 + (random() * 0.4 - 0.2);
  return Math.round(base * jitter);
}
