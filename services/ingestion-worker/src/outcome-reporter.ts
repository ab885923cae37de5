import type { FlushedBatch } from "./completion-batcher";
import type { Logger } from "@real-estate/http/logging";
import type { WorkerMetrics } from "./metrics";
import { jobRequestId, type JobOutcome } from "./run-job";

export type DrainSummary = { processed: number; retried: number; deadLettered: number };

/** Logs each finished job (one JSON line, ids only) and counts outcomes once they are recorded. */
export function createOutcomeReporter(options: { logger: Logger; metrics?: WorkerMetrics }) {
  const { logger, metrics } = options;
  const summary: DrainSummary = { processed: 0, retried: 0, deadLettered: 0 };
  return {
    summary: (): DrainSummary => ({ ...summary }),

    /** A handler returned or threw (the outcome is not written yet). */
    finished(o: JobOutcome) {
      metrics?.inFlight.dec();
      metrics?.duration.observe({ event_type: o.job.eventType, outcome: o.kind }, o.ms / 1000);
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
