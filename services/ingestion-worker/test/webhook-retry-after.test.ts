// A webhook receiver's Retry-After on a 429 or 503 (decision 0117): the queue retries the delivery
// no earlier than it asks and no earlier than the policy's own backoff (5 s after the first
// attempt), an hour at most; bad values, past dates and other statuses leave the policy's schedule.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createWebhookEndpoint, type WebhookSettings } from "@real-estate/integrations";
import { defaultJobKinds } from "../src/job-kinds";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("hooks_retry_after");
/** The worker's clock at the first attempt: the HTTP-dates are counted from it. */
let attemptAt = 0;
const DATE_AHEAD_MS = 600_000;
const httpDate = (ms: number) => new Date(ms).toUTCString();
/** An HTTP-date on a whole second, DATE_AHEAD_MS after the attempt (rounded up). */
const dateAhead = () => Math.ceil((attemptAt + DATE_AHEAD_MS) / 1000) * 1000;

/** Each path: its status and Retry-After, and the wait expected from the attempt's start. */
const CASES: Record<string, { status: number; retryAfter: () => string; wait: "policy" | "date" | number }> = {
  "/seconds-120": { status: 429, retryAfter: () => "120", wait: 120_000 },
  "/date-503": { status: 503, retryAfter: () => httpDate(dateAhead()), wait: "date" },
  "/seconds-2": { status: 429, retryAfter: () => "2", wait: "policy" },
  "/seconds-huge": { status: 429, retryAfter: () => "999999999", wait: 3_600_000 },
  "/date-far": { status: 503, retryAfter: () => "Fri, 31 Dec 9999 23:59:59 GMT", wait: 3_600_000 },
  "/bad-word": { status: 429, retryAfter: () => "soon", wait: "policy" },
  "/bad-negative": { status: 429, retryAfter: () => "-5", wait: "policy" },
  "/bad-fraction": { status: 503, retryAfter: () => "1.5e3", wait: "policy" },
  "/date-past": { status: 503, retryAfter: () => httpDate(attemptAt - 60_000), wait: "policy" },
  "/status-410": { status: 410, retryAfter: () => "120", wait: "policy" },
  "/status-500": { status: 500, retryAfter: () => "120", wait: "policy" },
};
const POLICY_FIRST_BACKOFF_MS = 5_000;

const seen: string[] = [];
let server: http.Server;
let base: string;
let settings: WebhookSettings;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    seen.push(path);
    req.resume();
    const c = CASES[path];
    if (!c) return res.writeHead(200).end("ok");
    res.writeHead(c.status, { "retry-after": c.retryAfter() }).end("later");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  settings = { allowedHosts: [`127.0.0.1:${port}`], timeoutMs: 5_000 };
  process.env.WEBHOOK_ALLOWED_HOSTS = settings.allowedHosts.join(",");
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function endpoint(db: Db, tenantId: string, path: string) {
  const created = await createWebhookEndpoint({ db, tenantId, input: { url: `${base}${path}`, events: ["contact.created"] }, createdByUserId: null });
  if (!created.ok) throw new Error(JSON.stringify(created.fields));
}

describe("a webhook receiver's Retry-After", () => {
  it("schedules the next attempt no earlier than it asks (429, 503), within an hour, never before the policy's backoff", async () => {
    const { db } = testDb();
    const tenant = await createTenantFixture(db, { slug: "hooks-retry-after" });
    for (const path of Object.keys(CASES)) await endpoint(db, tenant.tenantId, path);
    const { worker, clock } = testWorker(db, { kinds: defaultJobKinds({ webhooks: settings }), concurrency: 16, batchSize: 20 });
    await enqueue(db, tenant.tenantId, { firstName: "Dana", email: "dana@example.test" });
    // The manual clock stands still: every attempt starts at this time.
    attemptAt = clock.now().getTime();
    await worker.drainOnce(); // the website event: deliveries queued
    await worker.drainOnce(); // every delivery's first attempt
    expect(seen.sort()).toEqual(Object.keys(CASES).sort());

    const rows = await db.webhookDelivery.findMany({ where: { tenantId: tenant.tenantId }, include: { endpoint: { select: { url: true } } } });
    const waits: Record<string, number> = {};
    const expected: Record<string, number> = {};
    const latency: Record<string, number> = {};
    for (const d of rows) {
      const path = new URL(d.endpoint.url).pathname;
      expect(d).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: CASES[path]!.status });
      const job = await db.ingestionJob.findFirstOrThrow({
        where: { tenantId: tenant.tenantId, kind: "webhook.deliver", payload: { path: ["deliveryId"], equals: d.id } },
      });
      expect(job.status).toBe("PENDING");
      waits[path] = job.nextAttemptAt.getTime() - attemptAt;
      latency[path] = d.latencyMs ?? 0;
      const wait = CASES[path]!.wait;
      expected[path] = wait === "policy" ? POLICY_FIRST_BACKOFF_MS : wait === "date" ? dateAhead() - attemptAt : wait;
    }
    // Delta-seconds count from the answer, the attempt's latency (stored on the delivery) after
    // its start: that much later than asked, and no more (the test worker's random makes the
    // policy's jitter 0).
    for (const path of Object.keys(CASES)) {
      const late = waits[path]! - expected[path]!;
      const slack = CASES[path]!.wait === 120_000 ? latency[path]! + 2 : 1;
      expect({ path, late: late >= 0 && late <= slack }).toEqual({ path, late: true });
    }

    // Through the queue: a minute later only the policy's retries are due; the 120 s one after 2 minutes.
    seen.length = 0;
    clock.set(new Date(attemptAt + 60_000));
    await worker.drainOnce();
    expect(seen.sort()).toEqual(
      Object.keys(CASES)
        .filter((p) => CASES[p]!.wait === "policy")
        .sort(),
    );
    seen.length = 0;
    clock.set(new Date(attemptAt + 121_000));
    await worker.drainOnce();
    expect(seen).toEqual(["/seconds-120"]);
  });
});
