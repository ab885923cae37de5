import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db } from "@real-estate/db";
import { getQueueStats, type QueueStats } from "@real-estate/db/queue";
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

/**
 * The worker's Prometheus metrics on their own registry (several workers can live in one test
 * process). Queue gauges are filled on scrape by one GROUP BY query (getQueueStats).
 */
export function createWorkerMetrics(options: { db: Db; clock: Clock; defaultMetrics?: boolean }): WorkerMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  // prom-client collects all metrics of a scrape concurrently: the queue gauges share one
  // query per scrape (reused for 500 ms) and each sets its own value from it.
  let cached: { at: number; stats: Promise<QueueStats | null> } | null = null;
  const loadStats = () => {
    if (!cached || Date.now() - cached.at > 500) {
      cached = { at: Date.now(), stats: getQueueStats({ db: options.db, now: options.clock.now() }).catch(() => null) };
    }
    return cached.stats;
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
  gauge("ingestion_jobs", "Ingestion jobs by status and tenant (slug)", ["status", "tenant"] as const, (g, stats) => {
    g.reset();
    for (const c of stats.counts) g.set({ status: c.status, tenant: c.tenantSlug }, c.count);
  });
  gauge("ingestion_oldest_due_job_age_seconds", "Seconds since the oldest due pending job became due (0: none waiting)", [], (g, s) => g.set(s.oldestDueAgeSeconds));
  gauge("ingestion_expired_leases", "Jobs whose lease ran out and wait to be reclaimed", [], (g, s) => g.set(s.expiredLeases));
  new Gauge({
    name: "ingestion_queue_stats_up",
    help: "1 when the last scrape could read the queue, 0 when the database did not answer",
    registers: [registry],
    async collect() {
      this.set((await loadStats()) ? 1 : 0);
    },
  });
  return {
    registry,
    processed: new Counter({ name: "ingestion_jobs_processed_total", help: "Jobs completed (outcome: applied, or duplicate of an event already in the ledger)", labelNames: ["event_type", "outcome"] as const, registers: [registry] }),
    failed: new Counter({ name: "ingestion_jobs_failed_total", help: "Failed attempts, by error class", labelNames: ["event_type", "error_class"] as const, registers: [registry] }),
    retried: new Counter({ name: "ingestion_jobs_retried_total", help: "Failed attempts scheduled for a retry", labelNames: ["event_type"] as const, registers: [registry] }),
    deadLettered: new Counter({ name: "ingestion_jobs_dead_lettered_total", help: "Jobs dead-lettered", labelNames: ["event_type"] as const, registers: [registry] }),
    duration: new Histogram({
      name: "ingestion_job_duration_seconds",
      help: "Time to process one job (handler only)",
      labelNames: ["event_type", "outcome"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    inFlight: new Gauge({ name: "ingestion_jobs_in_flight", help: "Jobs this worker is processing now", registers: [registry] }),
  };
}
