/** Warning thresholds for the ingestion overview, from the environment. */
export type HealthThresholds = {
  /** Warn when the oldest due job has waited longer than this (STUDIO_OLDEST_DUE_WARN_SECONDS, default 300). */
  oldestDueWarnSeconds: number;
  /** Warn when at least this many jobs were dead-lettered in the last hour (STUDIO_DEAD_LETTER_GROWTH_WARN, default 1). */
  deadLetterGrowthWarn: number;
};

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function healthThresholdsFromEnv(env: NodeJS.ProcessEnv = process.env): HealthThresholds {
  return {
    oldestDueWarnSeconds: positive(env.STUDIO_OLDEST_DUE_WARN_SECONDS, 300),
    deadLetterGrowthWarn: positive(env.STUDIO_DEAD_LETTER_GROWTH_WARN, 1),
  };
}
