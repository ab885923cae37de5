/** The worker's numeric settings: each must be a positive whole number, or 0 where 0 turns a round off. */
const POSITIVE = ["concurrency", "batchSize", "leaseMs", "pollIntervalMs", "pruneBatchSize"] as const;
const ZERO_DISABLES = ["pruneIntervalMs", "rerouteIntervalMs"] as const;

type NumericOptions = Partial<Record<(typeof POSITIVE)[number] | (typeof ZERO_DISABLES)[number], number>>;

/**
 * Refuses a setting the worker could not run with, when the worker is created rather than at the
 * first round that reads it (a pruning batch of 0 used to fail only in the first prune round).
 */
export function checkWorkerOptions(options: NumericOptions): void {
  for (const name of [...POSITIVE, ...ZERO_DISABLES]) {
    const value = options[name];
    if (value === undefined) continue;
    const least = (POSITIVE as readonly string[]).includes(name) ? 1 : 0;
    if (!Number.isSafeInteger(value) || value < least) {
      throw new RangeError(`createWorker: ${name} must be a whole number of at least ${least}, got ${value}`);
    }
  }
}
