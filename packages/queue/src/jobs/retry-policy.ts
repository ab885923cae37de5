import type { IngestionErrorClass } from "../errors/job-errors";

/**
 * Default delay before retry number n (1-based): 30 s, 2 min, 10 min, 1 h, 6 h, then 6 h,
 * each with ±20 % jitter so a burst of failures does not retry in lock-step.
 */
export const RETRY_SCHEDULE_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;

/**
 * How a job kind retries (decision 0010). Every field is optional; the defaults are the policy
 * website events have always had.
 */
export type JobRetryPolicy = {
  /** Attempts (first try included) before the job is dead-lettered; default: the job's stored maxAttempts. */
  attempts?: number;
  /** Delay before retry n (1-based); the last entry repeats. Default RETRY_SCHEDULE_MS. */
  backoffMs?: readonly number[];
  /** ± fraction of jitter on each delay (default 0.2). */
  jitter?: number;
  /**
   * The kind's own reading of an error: "permanent" dead-letters at once, "transient" retries,
   * undefined falls back to classifyIngestionError (PermanentIngestionError, zod errors and
   * data exceptions are permanent; everything else is transient).
   */
  classify?: (error: unknown) => IngestionErrorClass | undefined;
  /**
   * The least wait the error itself asks for (a server's Retry-After, already capped by the
   * kind), in ms: a retry waits the longer of it and the backoff. Undefined: the backoff alone.
   */
  leastDelayMs?: (error: unknown) => number | undefined;
};

/** Milliseconds to wait after failed attempt number `attempt` (1-based). */
export function retryDelayMs(attempt: number, random: () => number = Math.random, policy: Pick<JobRetryPolicy, "backoffMs" | "jitter"> = {}): number {
  const schedule = policy.backoffMs && policy.backoffMs.length > 0 ? policy.backoffMs : RETRY_SCHEDULE_MS;
  const base = schedule[Math.min(Math.max(attempt, 1), schedule.length) - 1] ?? schedule[0]!;
  const spread = policy.jitter ?? 0.2;
  const jitter = 1 + (random() * 2 * spread - spread);
  return Math.round(base * jitter);
}
