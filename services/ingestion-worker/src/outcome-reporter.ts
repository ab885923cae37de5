import type { FlushedBatch } from "./completion-batcher";
import type { Logger } from "@real-estate/http/logging";
import type { WorkerMetrics } from "./metrics";
import type { JobKindRegistry } from "./job-kinds";
import { jobRequestId, type JobOutcome } from "./run-job";

export type DrainSummary = { processed: number; retried: number; deadLettered: number };

type Observer = { observe(value: number): void };

/**
 * Logs each finished job (one JSON line, ids only) and counts outcomes once they are recorded.
 * The completed jobs of a kind logged by batch (JobKind.logCompleted) get one line per kind for
 * each recorded batch instead: how many, by result, and their slowest and mean handler time.
 */
export function createOutcomeReporter(options: { logger: Logger; metrics?: WorkerMetrics; kinds?: JobKindRegistry }) {
  const { logger, metrics, kinds } = options;
  const summary: DrainSummary = { processed: 0, retried: 0, deadLettered: 0 };
  // The duration histogram's child per label pair: resolving the labels of every observation
  // again (prom-client hashes them each time) is most of what an observation costs.
  const durations = new Map<string, Observer>();
  const duration = (eventType: string, outcome: string): Observer | undefined => {
    if (!metrics) return undefined;
    const key = `${eventType}\u0000${outcome}`;
    let child = durations.get(key);
    if (!child) {
      child = metrics.duration.labels({ event_type: eventType, outcome });
      durations.set(key, child);
    }
    return child;
  };
  const byBatch = (o: JobOutcome) => o.kind === "completed" && kinds?.[o.job.kind]?.logCompleted === "batch";
  return {
    summary: (): DrainSummary => ({ ...summary }),

    /** A handler returned or threw (the outcome is not written yet). */
    finished(o: JobOutcome) {
      metrics?.inFlight.dec();
      duration(o.job.eventType, o.kind)?.observe(o.ms / 1000);
      if (byBatch(o)) return;
      const requestId = jobRequestId(o.job);
      const base = {
        msg: "job",
        tenantId: o.job.tenantId,
        eventId: o.job.eventId,
        jobId: o.job.id,
        eventType: o.job.eventType,
        attempt: o.job.attempts,
        ms: Math.round(o.ms * 10) / 10,
        ...(requestId ? { requestId } : {}),
      };
      if (o.kind === "completed") return logger.info({ ...base, outcome: o.result === "done" ? "completed" : o.result });
      const f = o.failure;
      if (f.retryAt) logger.warn({ ...base, outcome: "retry", errorClass: f.errorClass, error: f.error, retryAt: f.retryAt.toISOString() });
      else logger.error({ ...base, outcome: "dead_lettered", errorClass: f.errorClass, error: f.error });
    },

    /** Outcomes were written to the queue table. */
    recorded(batch: FlushedBatch) {
      summary.processed += batch.completed;
      summary.retried += batch.failed.retried.length;
      summary.deadLettered += batch.failed.deadLettered.length;
      logBatches(logger, batch.completedOutcomes.filter(byBatch));
      if (!metrics) return;
      for (const o of batch.completedOutcomes) if (o.kind === "completed") metrics.processed.inc({ event_type: o.job.eventType, outcome: o.result });
      for (const o of batch.failedOutcomes) {
        if (o.kind !== "failed") continue;
        metrics.failed.inc({ event_type: o.job.eventType, error_class: o.failure.errorClass });
        (o.failure.retryAt ? metrics.retried : metrics.deadLettered).inc({ event_type: o.job.eventType });
      }
    },
  };
}

/** One line per kind for the completed jobs of kinds logged by batch (ids are in the kind's own record). */
function logBatches(logger: Logger, outcomes: JobOutcome[]) {
  if (outcomes.length === 0) return;
  const byKind = new Map<string, { jobs: number; applied: number; duplicate: number; done: number; msTotal: number; msMax: number }>();
  for (const o of outcomes) {
    if (o.kind !== "completed") continue;
    let entry = byKind.get(o.job.kind);
    if (!entry) byKind.set(o.job.kind, (entry = { jobs: 0, applied: 0, duplicate: 0, done: 0, msTotal: 0, msMax: 0 }));
    entry.jobs++;
    entry[o.result]++;
    entry.msTotal += o.ms;
    entry.msMax = Math.max(entry.msMax, o.ms);
  }
  for (const [kind, e] of byKind)
    logger.info({
      msg: "jobs completed",
      kind,
      jobs: e.jobs,
      applied: e.applied,
      duplicate: e.duplicate,
      ...(e.done > 0 ? { completed: e.done } : {}),
      msMean: Math.round((e.msTotal / e.jobs) * 10) / 10,
      msMax: Math.round(e.msMax * 10) / 10,
    });
}
