/**
 * When rows waiting for a batched write (a worker's job completions, a webhook kind's DELIVERED
 * records) are written: at most one write in flight, and the next one goes only once
 *
 * - `rows` rows are waiting, or
 * - nothing that could add a row soon is still running (`busy()` is 0: a lone job, the last
 *   ones of a drain, are written at once), or
 * - the oldest waiting row has waited `maxWaitMs`,
 *
 * or when `flush()` asks. Sending the next write as soon as the one before answers would tie
 * the rows a write carries to the time that answer takes to reach the process: on a worker
 * whose turns are short, many writes of a few rows each (decision 0071). The rows waiting here
 * are of work that is over (a job settled, a receiver answered) and hold no concurrency slot:
 * waiting costs the recording a few milliseconds, not the work.
 */
export type RecordGate<T> = {
  add(row: T): void;
  /** Something that could add a row has finished without one: the rows waiting may go now. */
  poke(): void;
  /** Writes every row added so far now, and resolves once written (or given up by `write`). */
  flush(): Promise<void>;
};

/** Rows a write waits for while other work runs, and how long the oldest of them waits at most. */
export const RECORD_GATE_ROWS = 32;
export const RECORD_GATE_MAX_WAIT_MS = 20;

export function createRecordGate<T>(options: {
  /** Writes one batch; must not reject (its errors are its own to report). */
  write: (rows: T[]) => Promise<void>;
  /** How many producers are still running that may add a row soon. */
  busy: () => number;
  rows?: number;
  maxWaitMs?: number;
  /** Rows in one write at most (default: unlimited). */
  maxRows?: number;
}): RecordGate<T> {
  const target = options.rows ?? RECORD_GATE_ROWS;
  const maxWaitMs = options.maxWaitMs ?? RECORD_GATE_MAX_WAIT_MS;
  const maxRows = options.maxRows ?? Infinity;
  let pending: T[] = [];
  // When the oldest row in `pending` was added.
  let oldestAt = 0;
  let writing: Promise<void> | null = null;
  let scheduled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Flushes asked for and not done: while any is, rows go without waiting.
  let forced = 0;

  const send = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const rows = pending.length > maxRows ? pending.slice(0, maxRows) : pending;
    // Rows left beyond maxRows keep the oldest's time: they have waited as long, and go next.
    pending = pending.length > maxRows ? pending.slice(maxRows) : [];
    writing = options
      .write(rows)
      .catch(() => undefined)
      .finally(() => {
        writing = null;
        check();
      });
  };

  function check() {
    scheduled = false;
    if (writing || pending.length === 0) return;
    const waited = performance.now() - oldestAt;
    if (forced > 0 || pending.length >= target || options.busy() === 0 || waited >= maxWaitMs) return send();
    if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        check();
      }, maxWaitMs - waited);
    }
  }

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // A turn later: rows settling in the same turn (a batch of answers resolving together) join.
    setImmediate(check);
  };

  return {
    add(row) {
      if (pending.length === 0) oldestAt = performance.now();
      pending.push(row);
      schedule();
    },
    poke: schedule,
    async flush() {
      forced++;
      try {
        while (pending.length > 0 || writing) {
          if (!writing) send();
          await writing;
        }
      } finally {
        forced--;
      }
    },
  };
}
