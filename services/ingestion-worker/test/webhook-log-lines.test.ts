// The worker's log for a kind logged by batch (outbound webhooks): completed deliveries as one
// line per recorded batch, failed attempts one line each, other kinds a line a job as before; the
// duration histogram still observes every job.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createWebhookEndpoint, queueWebhookEvents, WEBHOOK_DELIVER_KIND, type WebhookSettings } from "@real-estate/integrations";
import type { WebhookSink } from "@real-estate/webhook-sink";
import { startTestWebhookSink, stopTestWebhookSink } from "./support/webhook-sink";
import { defaultJobKinds } from "../src/job-kinds";
import { createWorkerMetrics } from "../src/metrics";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("hooks_log_lines");
let sink: WebhookSink;
let settings: WebhookSettings;

beforeAll(async () => {
  ({ sink, settings } = await startTestWebhookSink(2_000));
});
afterAll(() => stopTestWebhookSink(sink));

async function deliveries(db: Db, tenantId: string, path: string, count: number) {
  const created = await createWebhookEndpoint({ db, tenantId, input: { url: `${sink.url}${path}`, events: ["contact.updated"] }, createdByUserId: null });
  if (!created.ok) throw new Error(JSON.stringify(created.fields));
  await queueWebhookEvents(db, {
    tenantId,
    events: Array.from({ length: count }, () => ({ type: "contact.updated" as const, data: { contact: { id: crypto.randomUUID() } } })),
  });
}

describe("the worker's log lines for webhook deliveries", () => {
  it("logs completed deliveries a line per recorded batch, a failed attempt a line of its own, a website event a line a job", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "hooks-log-lines" });
    await deliveries(db, t.tenantId, "/hooks/log-ok", 12);
    await deliveries(db, t.tenantId, "/status/500/log-fail", 1);
    const { clock } = testWorker(db);
    const metrics = createWorkerMetrics({ db, clock, defaultMetrics: false });
    const { worker, logger } = testWorker(db, { kinds: defaultJobKinds({ webhooks: settings }), metrics, clock });
    // A website event (its contact.created delivery goes to no endpoint: none subscribed).
    await enqueue(db, t.tenantId, { email: "log-lines@example.test" });
    const summary = await worker.drainOnce();
    expect(summary.retried).toBe(1);

    const jobLines = logger.entries.filter((e) => e.msg === "job");
    // The website event: a line of its own, as every kind logged by job.
    expect(jobLines.filter((e) => e.eventType !== WEBHOOK_DELIVER_KIND)).toHaveLength(1);
    // The webhook kind: the failed attempt only, with its error, as a warning.
    const hookLines = jobLines.filter((e) => e.eventType === WEBHOOK_DELIVER_KIND);
    expect(hookLines).toHaveLength(1);
    expect(hookLines[0]).toMatchObject({ level: "warn", outcome: "retry", error: "endpoint answered HTTP 500", tenantId: t.tenantId });
    // The deliveries made: counted in batch lines (at most one per recorded batch).
    const batchLines = logger.entries.filter((e) => e.msg === "jobs completed");
    expect(batchLines.length).toBeGreaterThan(0);
    expect(batchLines.length).toBeLessThan(12);
    for (const line of batchLines) {
      expect(line).toMatchObject({ level: "info", kind: WEBHOOK_DELIVER_KIND, duplicate: 0 });
      expect(line.applied).toBe(line.jobs);
      expect(Number(line.msMax)).toBeGreaterThanOrEqual(Number(line.msMean));
    }
    const delivered = await db.webhookDelivery.count({ where: { tenantId: t.tenantId, status: "DELIVERED" } });
    expect(delivered).toBeGreaterThanOrEqual(12);
    expect(batchLines.reduce((n, e) => n + Number(e.jobs), 0)).toBe(delivered);

    // Every job still observed by the duration histogram.
    const histogram = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === "ingestion_job_duration_seconds")!;
    const count = (outcome: string) =>
      histogram.values.find(
        // prom-client names each value of a histogram (`_bucket`, `_sum`, `_count`); its type does not say so.
        (v) =>
          (v as { metricName?: string }).metricName === "ingestion_job_duration_seconds_count" &&
          v.labels.event_type === WEBHOOK_DELIVER_KIND &&
          v.labels.outcome === outcome,
      )?.value;
    expect(count("completed")).toBe(delivered);
    expect(count("failed")).toBe(1);
  });
});
