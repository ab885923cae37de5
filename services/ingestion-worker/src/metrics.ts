import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db } from "@real-estate/db";
import { getQueueStats } from "@real-estate/db/queue";
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
  const jobs = new Gauge({ name: "ingestion_jobs", help: "Ingestion jobs by status and tenant (slug)", labelNames: ["status", "tenant"] as const, registers: [registry] });
  const oldest = new Gauge({ name: "ingestion_oldest_due_job_age_seconds", help: "Seconds since the oldest due pending job became due (0: none waiting)", registers: [registry] });
  const expired = new Gauge({ name: "ingestion_expired_leases", help: "Jobs whose lease ran out and wait to be reclaimed", registers: [registry] });
  const statsUp = new Gauge({
    name: "ingestion_queue_stats_up",
    help: "1 when the last scrape could read the queue, 0 when the database did not answer",
    registers: [registry],
    async collect() {
      try {
        const stats = await getQueueStats({ db: options.db, now: options.clock.now() });
        jobs.reset();
        for (const c of stats.counts) jobs.set({ status: c.status, tenant: c.tenantSlug }, c.count);
        oldest.set(stats.oldestDueAgeSeconds);
        expired.set(stats.expiredLeases);
        this.set(1);
      } catch {
        this.set(0);
      }
    },
  });
  void statsUp;
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
