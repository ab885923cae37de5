/**
 * The worker's start and stop: one loop at a time, `stopping` from a stop until the next start,
 * and a stop asked while nothing ran (a SIGTERM while the process was still starting) kept for
 * the next start, which then ends at once. Without that, the loop's start would clear the stop
 * and run until the next signal. Taken once, such a stop cannot end a later start.
 */
export type RunState = {
  /** True from a stop until the next start. */
  stopping(): boolean;
  /** True (once) when a stop was asked before this start: the caller then returns at once. */
  takeStopAskedBeforeStart(): boolean;
  /** Runs `loop` as the one running loop; throws while another is running. */
  start(loop: () => Promise<void>): Promise<void>;
  /** Asks the running loop to stop (`wake` ends its wait) and resolves once it has ended. */
  stop(wake: () => void): Promise<void>;
};

export function createRunState(): RunState {
  let stopping = false;
  let stopBeforeRun = false;
  let loopDone: Promise<void> | null = null;
  return {
    stopping: () => stopping,
    takeStopAskedBeforeStart() {
      if (!stopBeforeRun) return false;
      stopBeforeRun = false;
      return true;
    },
    start(loop) {
      if (loopDone) throw new Error("worker is already running");
      stopping = false;
      loopDone = loop().finally(() => {
        loopDone = null;
      });
      return loopDone;
    },
    async stop(wake) {
      stopping = true;
      if (!loopDone) stopBeforeRun = true;
      wake();
      await loopDone;
    },
  };
}
