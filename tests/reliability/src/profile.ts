// How much of each check to run: `fast` in `npm test` (minutes on two cores), `full` in
// `npm run test:reliability` (the figures the issue asks for). RELIABILITY_PROFILE selects it.

export type Profile = {
  name: "fast" | "full";
  /** Minimum isolation-matrix probes (the matrix repeats its cases until it reaches this). */
  isolationProbes: number;
  /** Generated bodies per fuzzed route. */
  fuzzBodiesPerRoute: number;
  /** Rejected bodies per route sent again among rejected ones only, when their first batch had an accepted body (row check). */
  fuzzResendPerRoute: number;
  /** Host / forwarding header combinations per app. */
  hostCombinations: number;
  /** pg_terminate_backend rounds against the worker during a drain. */
  workerTerminations: number;
  /** Events queued for each fault drain. */
  faultEvents: number;
  /** POST /api/lead requests in the burst that spans a PostgreSQL restart. */
  burstRequests: number;
  /** Wall-clock cap for any one loop, in ms. */
  loopBudgetMs: number;
};

const PROFILES: Record<Profile["name"], Profile> = {
  fast: {
    name: "fast",
    isolationProbes: 300,
    fuzzBodiesPerRoute: 60,
    fuzzResendPerRoute: 60,
    hostCombinations: 100,
    workerTerminations: 10,
    faultEvents: 300,
    burstRequests: 200,
    loopBudgetMs: 45_000,
  },
  full: {
    name: "full",
    isolationProbes: 5_000,
    fuzzBodiesPerRoute: 10_000,
    fuzzResendPerRoute: 1_000,
    hostCombinations: 1_000,
    workerTerminations: 100,
    faultEvents: 2_000,
    burstRequests: 1_500,
    loopBudgetMs: 1_200_000,
  },
};

/**
 * The profile named by RELIABILITY_PROFILE (default fast). Any count can be overridden for one
 * run with RELIABILITY_<NAME> (e.g. RELIABILITY_FUZZ_BODIES_PER_ROUTE=1000), for a run that
 * has to fit a time window; the summary then shows the counts actually made.
 */
export function currentProfile(): Profile {
  const base = process.env.RELIABILITY_PROFILE === "full" ? PROFILES.full : PROFILES.fast;
  const out: Profile = { ...base };
  for (const key of Object.keys(base) as (keyof Profile)[]) {
    if (key === "name") continue;
    const env = process.env[`RELIABILITY_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`];
    if (env && Number.isFinite(Number(env))) (out as Record<string, unknown>)[key] = Number(env);
  }
  return out;
}
