/**
 * How an idle worker sleeps: until the timeout, or until woken (a NOTIFY, stop()). A wake-up
 * that arrives while the worker is busy is remembered, so the next wait returns at once;
 * `reset()` forgets it right before a claim, which sees everything committed until then.
 */
export function createWakeSignal() {
  let notified = false;
  let wakeUp: (() => void) | null = null;
  return {
    wake() {
      notified = true;
      wakeUp?.();
    },
    reset() {
      notified = false;
    },
    wait(ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        if (notified) return resolve();
        const done = () => {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        };
        const timer = setTimeout(done, ms);
        wakeUp = done;
      });
    },
  };
}
