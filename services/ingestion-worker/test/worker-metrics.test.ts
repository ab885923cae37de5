import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { PermanentIngestionError } from "@real-estate/queue";
import { createManualClock } from "../src/clock";
import { createHealthCheck } from "../src/health";
import { createWorkerMetrics } from "../src/metrics";
import { startMetricsServer, type MetricsServer } from "@real-estate/http/metrics";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("workermetrics");
const PROMTOOL = ["/usr/bin/promtool", "/usr/local/bin/promtool"].find((p) => fs.existsSync(p));
const PORT = 9501;
let server: MetricsServer | null = null;
afterAll(async () => server?.close());

describe("metrics and health endpoints", () => {
  it("serve the queue gauges, counters and duration histogram after a drain", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "metrics-tenant" });
    await enqueue(db, t.tenantId, { email: "m1@example.com" });
    await enqueue(db, t.tenantId, { email: "m2@example.com" });
    const { eventId: badId } = (await enqueue(db, t.tenantId, { email: "m3@example.com" })).event;
    const clock = createManualClock(new Date(Date.now() + 1_000));
    const metrics = createWorkerMetrics({ db, clock, eventTypes: ["lead.submitted", "valuation.requested"] });
    // Every labelled series exists at zero before the first job (alerts on rate() and absent()).
    const fresh = await metrics.registry.metrics();
    expect(fresh).toContain('ingestion_jobs_processed_total{event_type="valuation.requested",outcome="applied"} 0');
    expect(fresh).toContain('ingestion_jobs_dead_lettered_total{event_type="valuation.requested"} 0');
    expect(fresh).toContain('ingestion_job_duration_seconds_count{event_type="valuation.requested",outcome="failed"} 0');
    const { worker: measured } = testWorker(db, {
      clock,
      metrics,
      handlers: {
        "*": async (ctx) => {
          if (ctx.job.eventId === badId) throw new PermanentIngestionError("rejected");
          return ctx.process();
        },
      },
    });
    server = await startMetricsServer({ port: PORT, hostname: "127.0.0.1", registry: metrics.registry, health: createHealthCheck({ db, worker: measured }) });
    expect(await measured.drainOnce()).toEqual({ processed: 2, retried: 0, deadLettered: 1 });
    await enqueue(db, t.tenantId, { email: "waiting@example.com" });
    clock.advance(90_000);

    const res = await fetch(`http://127.0.0.1:${PORT}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('ingestion_jobs{status="COMPLETED",tenant="metrics-tenant",kind="website-event"} 2');
    expect(text).toContain('ingestion_jobs{status="DEAD_LETTERED",tenant="metrics-tenant",kind="website-event"} 1');
    expect(text).toContain('ingestion_jobs{status="PENDING",tenant="metrics-tenant",kind="website-event"} 1');
    expect(text).toContain('ingestion_jobs_processed_total{event_type="lead.submitted",outcome="applied"} 2');
    expect(text).toContain('ingestion_jobs_failed_total{event_type="lead.submitted",error_class="permanent"} 1');
    expect(text).toContain('ingestion_jobs_dead_lettered_total{event_type="lead.submitted"} 1');
    expect(text).toMatch(/ingestion_job_duration_seconds_count\{event_type="lead.submitted",outcome="completed"\} 2/);
    const age = Number(/^ingestion_oldest_due_job_age_seconds (\S+)$/m.exec(text)?.[1]);
    expect(age).toBeGreaterThan(85);
    expect(age).toBeLessThan(95);
    expect(text).toContain("ingestion_queue_stats_up 1");
    expect(text).toContain("process_cpu_seconds_total");
    if (PROMTOOL) {
      const check = spawnSync(PROMTOOL, ["check", "metrics"], { input: text, encoding: "utf8" });
      expect(`${check.stdout}${check.stderr}`).toBe("");
      expect(check.status).toBe(0);
    }

    const health = await fetch(`http://127.0.0.1:${PORT}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok", processed: 2, deadLettered: 1 });
    expect((await fetch(`http://127.0.0.1:${PORT}/nope`)).status).toBe(404);
  });
});
