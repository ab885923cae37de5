/** Where the worker reads the time: claims, leases, retry schedules and timestamps all use it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to (tests: retry cadence and lease expiry without sleeping). */
export type ManualClock = Clock & { advance(ms: number): Date; set(at: Date): void };

export function createManualClock(start: Date = new Date()): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => new Date((current += ms)),
    set: (at) => {
      current = at.getTime();
    },
  };
}
