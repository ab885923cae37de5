import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { createMetricsRegistry } from "@real-estate/http/metrics";
import type { Db } from "@real-estate/db";
import { getQueueStats, type QueueStats } from "@real-estate/queue";
import type { Clock } from "./clock";

export type WorkerMetrics = {
  registry: Registry;
  processed: Counter<"event_type" | "outcome">;
  failed: Counter<"event_type" | "error_class">;
  retried: Counter<"event_type">;
  deadLettered: Counter<"event_type">;
  duration: Histogram<"event_type" | "outcome">;
  inFlight: Gauge;
};

/** Outcomes and error classes the worker counts (see outcome-reporter.ts). */
const COMPLETED_OUTCOMES = ["applied", "duplicate", "done"] as const;
const ERROR_CLASSES = ["transient", "permanent"] as const;

/**
 * The worker's Prometheus metrics on their own registry (several workers can live in one test
 * process). Queue gauges are filled on scrape by one GROUP BY query (getQueueStats). The labelled
 * counters and the histogram start at zero for every event type in `eventTypes`, so `rate()` and
 * `absent()` alerts hold from the first scrape after a restart, before any job ran.
 */
export function createWorkerMetrics(options: { db: Db; clock: Clock; defaultMetrics?: boolean; eventTypes?: readonly string[] }): WorkerMetrics {
  const registry = createMetricsRegistry({ defaultMetrics: options.defaultMetrics });
  // prom-client collects all metrics of a scrape concurrently: the queue gauges share the one
  // query in flight and each sets its own value from it; the next scrape asks again (a result
  // kept for a while would show a scrape right after a drain the queue as it was before).
  let inFlight: Promise<QueueStats | null> | null = null;
  const loadStats = () => {
    inFlight ??= getQueueStats({ db: options.db, now: options.clock.now() })
      .catch(() => null)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], fill: (g: Gauge<L>, stats: QueueStats) => void) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const stats = await loadStats();
        if (stats) fill(this, stats);
      },
    });
  gauge("ingestion_jobs", "Queued jobs by status, tenant (slug) and kind", ["status", "tenant", "kind"] as const, (g, stats) => {
    g.reset();
    for (const c of stats.counts) g.set({ status: c.status, tenant: c.tenantSlug, kind: c.kind }, c.count);
  });
  gauge("ingestion_oldest_due_job_age_seconds", "Seconds since the oldest due pending job became due (0: none waiting)", [], (g, s) =>
    g.set(s.oldestDueAgeSeconds),
  );
  gauge("ingestion_expired_leases", "Jobs whose lease ran out and wait to be reclaimed", [], (g, s) => g.set(s.expiredLeases));
  new Gauge({
    name: "ingestion_queue_stats_up",
    help: "1 when the last scrape could read the queue, 0 when the database did not answer",
    registers: [registry],
    async collect() {
      this.set((await loadStats()) ? 1 : 0);
    },
  });
  const metrics: WorkerMetrics = {
    registry,
    processed: new Counter({
      name: "ingestion_jobs_processed_total",
      help: "Jobs completed (outcome: applied, or duplicate of an event already in the ledger)",
      labelNames: ["event_type", "outcome"] as const,
      registers: [registry],
    }),
    failed: new Counter({
      name: "ingestion_jobs_failed_total",
      help: "Failed attempts, by error class",
      labelNames: ["event_type", "error_class"] as const,
      registers: [registry],
    }),
    retried: new Counter({
      name: "ingestion_jobs_retried_total",
      help: "Failed attempts scheduled for a retry",
      labelNames: ["event_type"] as const,
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: "ingestion_jobs_dead_lettered_total",
      help: "Jobs dead-lettered",
      labelNames: ["event_type"] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: "ingestion_job_duration_seconds",
      help: "Time to process one job (handler only)",
      labelNames: ["event_type", "outcome"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    inFlight: new Gauge({ name: "ingestion_jobs_in_flight", help: "Jobs this worker is processing now", registers: [registry] }),
  };
  for (const event_type of options.eventTypes ?? []) {
    for (const outcome of COMPLETED_OUTCOMES) metrics.processed.labels({ event_type, outcome }).inc(0);
    for (const error_class of ERROR_CLASSES) metrics.failed.labels({ event_type, error_class }).inc(0);
    metrics.retried.labels({ event_type }).inc(0);
    metrics.deadLettered.labels({ event_type }).inc(0);
    for (const outcome of ["completed", "failed"] as const) metrics.duration.zero({ event_type, outcome });
  }
  return metrics;
}
