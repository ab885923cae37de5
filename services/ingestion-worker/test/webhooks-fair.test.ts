// One stalled webhook receiver must not hold back everyone else's deliveries (decision 0115): two
// real receivers on loopback, one that accepts every request and never answers, one that answers at
// once, endpoints of several tenants on each, the stalled ones' deliveries queued first.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createWebhookEndpoint, limitedCaps, queueWebhookEvents, webhookJobKinds, type WebhookSettings } from "@real-estate/integrations";
import { testWorker, waitFor } from "./helpers";

const testDb = useTestDatabase("hooks_fair");
const STALLED_PORT = 23871;
const FAST_PORT = 23872;
const TIMEOUT_MS = 1_000;
const SLOTS = 8;

type Receiver = {
  server: http.Server;
  got: { path: string; id: string; at: number }[];
  open: Map<string, number>;
  most: Map<string, number>;
  mostInAll: number;
};

/** A receiver that records every request; `answer` false: it accepts them and never answers. */
function receiver(port: number, answer: () => boolean): Promise<Receiver> {
  const r: Receiver = { server: http.createServer(), got: [], open: new Map(), most: new Map(), mostInAll: 0 };
  let inAll = 0;
  r.server.on("request", (req, res) => {
    const path = req.url ?? "";
    r.got.push({ path, id: String(req.headers["webhook-id"]), at: performance.now() });
    req.resume();
    if (answer()) return res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    const open = (r.open.get(path) ?? 0) + 1;
    r.open.set(path, open);
    r.most.set(path, Math.max(r.most.get(path) ?? 0, open));
    r.mostInAll = Math.max(r.mostInAll, ++inAll);
    res.on("close", () => {
      r.open.set(path, r.open.get(path)! - 1);
      inAll--;
    });
  });
  return new Promise((resolve) => r.server.listen(port, "127.0.0.1", () => resolve(r)));
}

let stalling = true;
let stalled: Receiver;
let fast: Receiver;
let settings: WebhookSettings;

beforeAll(async () => {
  stalled = await receiver(STALLED_PORT, () => !stalling);
  fast = await receiver(FAST_PORT, () => true);
  settings = { allowedHosts: [`127.0.0.1:${STALLED_PORT}`, `127.0.0.1:${FAST_PORT}`], timeoutMs: TIMEOUT_MS };
  process.env.WEBHOOK_ALLOWED_HOSTS = settings.allowedHosts.join(",");
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  for (const r of [stalled, fast]) {
    r.server.closeAllConnections();
    await new Promise<void>((resolve) => r.server.close(() => resolve()));
  }
});

async function endpoint(db: Db, tenantId: string, port: number, path: string) {
  const created = await createWebhookEndpoint({
    db,
    tenantId,
    input: { url: `http://127.0.0.1:${port}${path}`, events: ["contact.created"] },
    createdByUserId: null,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.fields));
  return created.endpoint.id;
}

/** `n` contact.created events of a tenant: one delivery to each of its endpoints per event. */
async function queueEvents(db: Db, tenantId: string, n: number, tag: string) {
  const events = Array.from({ length: n }, (_, i) => ({ type: "contact.created" as const, data: { contact: { id: `${tag}-${i}` } } }));
  await db.$transaction((tx) => queueWebhookEvents(tx, { tenantId, events }));
}

describe("a stalled webhook receiver and everyone else's deliveries", () => {
  it("delivers the fast endpoints' deliveries at once while a stalled receiver holds a capped share of the slots; the held-back ones go once it answers", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "hooks-fair-a" });
    const b = await createTenantFixture(db, { slug: "hooks-fair-b" });
    const c = await createTenantFixture(db, { slug: "hooks-fair-c" });
    const d = await createTenantFixture(db, { slug: "hooks-fair-d" });
    // Tenant a: two stalled endpoints; b: one; c and d: one fast endpoint each.
    await endpoint(db, a.tenantId, STALLED_PORT, "/a1");
    await endpoint(db, a.tenantId, STALLED_PORT, "/a2");
    await endpoint(db, b.tenantId, STALLED_PORT, "/b1");
    await endpoint(db, c.tenantId, FAST_PORT, "/c");
    await endpoint(db, d.tenantId, FAST_PORT, "/d");
    // The stalled endpoints' 72 deliveries first (claimed first), then the fast ones' 40.
    await queueEvents(db, a.tenantId, 24, "a");
    await queueEvents(db, b.tenantId, 24, "b");
    await queueEvents(db, c.tenantId, 20, "c");
    await queueEvents(db, d.tenantId, 20, "d");

    const kinds = webhookJobKinds({ settings });
    const { worker, clock, logger } = testWorker(db, { kinds, concurrency: SLOTS, batchSize: 50 });
    const started = performance.now();
    const drained = worker.drainOnce();
    await waitFor(() => fast.got.length >= 40, 30_000);
    const fastWithin = Math.max(...fast.got.map((g) => g.at)) - started;
    await drained;

    // Before main: the fast deliveries waited behind the stalled ones, 8 at a time for 1 s each (9 s or more).
    expect(fastWithin).toBeLessThan(2 * TIMEOUT_MS);
    expect(new Set(fast.got.map((g) => g.id)).size).toBe(40);
    const fastRows = await db.webhookDelivery.findMany({ where: { tenantId: { in: [c.tenantId, d.tenantId] } } });
    expect(fastRows.map((r) => [r.status, r.attempts])).toEqual(fastRows.map(() => ["DELIVERED", 1]));

    // The stalled receiver never had more than its share open: a slow endpoint a quarter of the
    // slots, a tenant's limited endpoints half, all limited ones three quarters.
    const caps = limitedCaps(SLOTS);
    for (const path of ["/a1", "/a2", "/b1"]) expect(stalled.most.get(path) ?? 0).toBeLessThanOrEqual(caps.endpoint);
    expect(stalled.mostInAll).toBeLessThanOrEqual(caps.all);
    // A few attempts an endpoint (one while new, then its share once it was overdue), all timed
    // out; its other deliveries were held back without an attempt and given back to the queue.
    const stalledRows = await db.webhookDelivery.findMany({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } });
    expect(stalledRows).toHaveLength(72);
    const requests = new Map<string, number>();
    for (const g of stalled.got) requests.set(g.id, (requests.get(g.id) ?? 0) + 1);
    const attempted = stalled.got.length;
    expect(attempted).toBeGreaterThanOrEqual(3);
    expect(attempted).toBeLessThanOrEqual(3 * (1 + caps.endpoint));
    for (const row of stalledRows) {
      expect(row.status).toBe("PENDING");
      expect(row.attempts).toBe(requests.get(row.id) ?? 0);
      if (row.attempts > 0) expect(row.lastError).toBe(`no answer within ${TIMEOUT_MS} ms`);
      const job = await db.ingestionJob.findFirstOrThrow({
        where: { tenantId: row.tenantId, kind: "webhook.deliver", payload: { path: ["deliveryId"], equals: row.id } },
      });
      // A held-back job counts no attempt, and is due later (not claimed again at once).
      expect({ status: job.status, attempts: job.attempts }).toEqual({ status: "PENDING", attempts: row.attempts });
      expect(job.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
    }
    // Each held-back job was given back once.
    const givenBack = logger.entries.filter((l) => l.msg === "held-back jobs given back to the queue").reduce((n, l) => n + Number(l.jobs), 0);
    expect(givenBack).toBe(72 - attempted);

    // The receiver answers again and the jobs come due: every delivery goes, once, and is recorded.
    stalling = false;
    clock.advance(3_600_000);
    await worker.drainOnce();
    const after = await db.webhookDelivery.findMany({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } });
    expect(after.map((r) => r.status)).toEqual(after.map(() => "DELIVERED"));
    const answered = stalled.got.slice(attempted);
    expect(answered).toHaveLength(72);
    expect(new Set(answered.map((g) => g.id)).size).toBe(72);
    for (const row of after) expect(row.attempts).toBe((requests.get(row.id) ?? 0) + 1);
  });
  it("pauses an endpoint that keeps timing out: probes keep its failure clock running, and after a day it is disabled and its deliveries fail as before", async () => {
    const { db } = testDb();
    stalling = true;
    const t = await createTenantFixture(db, { slug: "hooks-fair-dead" });
    const endpointId = await endpoint(db, t.tenantId, STALLED_PORT, "/dead");
    await queueEvents(db, t.tenantId, 6, "dead");
    const timeoutMs = 300;
    const kinds = webhookJobKinds({ settings: { ...settings, timeoutMs }, shares: { openMs: 200, maxOpenMs: 400 } });
    const { worker, clock } = testWorker(db, { kinds, concurrency: SLOTS, batchSize: 50 });
    const from = stalled.got.length;
    const rows = () => db.webhookDelivery.findMany({ where: { tenantId: t.tenantId } });
    for (let round = 0; round < 40 && (await rows()).some((r) => r.status !== "FAILED"); round++) {
      await worker.drainOnce();
      // The circuit's open time passes (real time), and the jobs given back come due (the worker's clock).
      await new Promise((r) => setTimeout(r, 450));
      clock.advance(2 * 3_600_000);
    }
    const after = await rows();
    const ep = await db.webhookEndpoint.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: endpointId } } });
    expect(ep.disabledReason).toBe("failing");
    expect(after.map((r) => r.status)).toEqual(after.map(() => "FAILED"));
    // Requests went out while the circuit let them (at most two at once); the deliveries held back
    // meanwhile counted no attempt, and those still waiting at the disabling failed without one.
    const requests = stalled.got.length - from;
    expect(stalled.most.get("/dead")).toBeLessThanOrEqual(limitedCaps(SLOTS).endpoint);
    expect(after.reduce((n, r) => n + r.attempts, 0)).toBe(requests);
    expect(after.filter((r) => r.lastError === "endpoint disabled").length).toBeGreaterThan(0);
    expect(requests).toBeLessThan(6 * 8);
  });
});
