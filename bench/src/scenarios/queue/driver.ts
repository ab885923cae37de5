/** The data every queue carries in every phase: the same lead.submitted event as JSON. */
export type NoopPayload = Record<string, unknown>;

/** Called by a worker for each job it runs; returns nothing and does no I/O (a no-op job). */
export type OnJob = (payload: NoopPayload) => void;

export type RunningWorkers = { stop: () => Promise<void> };

/**
 * One queue system under test, in its own fresh database. The scenario calls these in order:
 * open, enqueueOne x N (4 senders), reset, enqueueBulk, startWorkers (drain, then wake-up), close.
 */
export type QueueDriver = {
  system: string;
  version: string;
  /** The documented settings used, printed next to the figures. */
  settings: string;
  open: () => Promise<void>;
  enqueueOne: (payload: NoopPayload) => Promise<void>;
  /** Enqueues a batch in one call; null when the system has no bulk enqueue. */
  enqueueBulk: ((payloads: NoopPayload[]) => Promise<void>) | null;
  /** Starts `count` independent workers (each as a separate worker would be in production). */
  startWorkers: (count: number, onJob: OnJob) => Promise<RunningWorkers>;
  /** Jobs not yet completed (queued, running or awaiting completion). */
  remaining: () => Promise<number>;
  /** Empties the queue between phases. */
  reset: () => Promise<void>;
  close: () => Promise<void>;
};
