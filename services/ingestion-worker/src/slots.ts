/** A counting semaphore: at most `size` holders at once; `idle()` resolves when none is held. */
export type Slots = { acquire(): Promise<void>; tryAcquire(): boolean; release(): void; inUse(): number; idle(): Promise<void> };

export function createSlots(size: number): Slots {
  let used = 0;
  const waiters: (() => void)[] = [];
  let idleWaiters: (() => void)[] = [];
  return {
    acquire: () => {
      if (used < size) {
        used++;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    /** A slot now if one is free (none is waited for then), else false. */
    tryAcquire: () => {
      if (used >= size) return false;
      used++;
      return true;
    },
    release: () => {
      const next = waiters.shift();
      if (next) return next();
      used--;
      if (used === 0) {
        const done = idleWaiters;
        idleWaiters = [];
        for (const resolve of done) resolve();
      }
    },
    inUse: () => used,
    idle: () => (used === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
  };
}
