// One stalled webhook receiver must not hold back other endpoints' deliveries (decision 0115): real
// receivers on loopback (each test its own, so no test counts another's requests), one that
// accepts every request and does not answer while it stalls, quick ones for other tenants.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createWebhookEndpoint, queueWebhookEvents, shareCaps, webhookJobKinds } from "@real-estate/integrations";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("hooks_isolation");
const SLOTS = 8;

type Receiver = {
  host: string;
  stalling: boolean;
  /** Every request received: its path and webhook-id, and when (performance.now()). */
  got: { path: string; id: string; at: number }[];
  /** The most requests left unanswered at once, per path and per path prefix (a tenant's letter). */
  most: Map<string, number>;
  close(): Promise<void>;
};

const receivers: Receiver[] = [];
afterEach(async () => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  for (const r of receivers.splice(0)) await r.close();
});

/** A receiver that answers 200 at once, or, while `stalling`, accepts requests and never answers. */
async function receiver(stalling: boolean): Promise<Receiver> {
  const server = http.createServer();
  const open = new Map<string, number>();
  const r: Receiver = {
    host: "",
    stalling,
    got: [],
    most: new Map(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const count = (key: string, by: number) => {
    const n = (open.get(key) ?? 0) + by;
    open.set(key, n);
    r.most.set(key, Math.max(r.most.get(key) ?? 0, n));
  };
  server.on("request", (req, res) => {
    const path = req.url ?? "";
    r.got.push({ path, id: String(req.headers["webhook-id"]), at: performance.now() });
    req.resume();
    if (!r.stalling) return res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    for (const key of [path, path.slice(0, 2)]) count(key, 1);
    res.on("close", () => {
      for (const key of [path, path.slice(0, 2)]) count(key, -1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  r.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  receivers.push(r);
  // Endpoints on these receivers may be registered (loopback is refused otherwise).
  process.env.WEBHOOK_ALLOWED_HOSTS = receivers.map((x) => x.host).join(",");
  return r;
}

async function endpoint(db: Db, tenantId: string, r: Receiver, path: string) {
  const created = await createWebhookEndpoint({
    db,
    tenantId,
    input: { url: `http://${r.host}${path}`, events: ["contact.created"] },
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

/** Requests received per webhook-id. */
function requestsById(rs: Receiver[]) {
  const n = new Map<string, number>();
  for (const r of rs) for (const g of r.got) n.set(g.id, (n.get(g.id) ?? 0) + 1);
  return n;
}

/** Every delivery of these tenants and its job: none left PENDING, and attempts recorded = requests received. */
async function expectAllDelivered(db: Db, tenantIds: string[], rs: Receiver[], count: number) {
  const rows = await db.webhookDelivery.findMany({ where: { tenantId: { in: tenantIds } } });
  expect(rows).toHaveLength(count);
  expect(rows.filter((r) => r.status !== "DELIVERED")).toEqual([]);
  const requests = requestsById(rs);
  expect(rows.filter((r) => r.attempts !== requests.get(r.id))).toEqual([]);
  const jobs = await db.ingestionJob.findMany({ where: { tenantId: { in: tenantIds }, kind: "webhook.deliver" } });
  expect(jobs).toHaveLength(count);
  expect(jobs.filter((j) => j.status !== "COMPLETED")).toEqual([]);
}

describe("a stalled webhook receiver and other endpoints' deliveries", () => {
  it("delivers tenants B and C at once while tenant A's stalled receiver holds at most its share; A's deliveries all go once it answers", async () => {
    const { db } = testDb();
    const TIMEOUT_MS = 6_000;
    const stalled = await receiver(true);
    const quick = await receiver(false);
    const a = await createTenantFixture(db, { slug: "hooks-iso-a" });
    const b = await createTenantFixture(db, { slug: "hooks-iso-b" });
    const c = await createTenantFixture(db, { slug: "hooks-iso-c" });
    await endpoint(db, a.tenantId, stalled, "/a1");
    await endpoint(db, a.tenantId, stalled, "/a2");
    await endpoint(db, b.tenantId, quick, "/b");
    await endpoint(db, c.tenantId, quick, "/c");
    // A's 48 deliveries first (claimed first), then B's and C's 20 each.
    await queueEvents(db, a.tenantId, 24, "a");
    await queueEvents(db, b.tenantId, 20, "b");
    await queueEvents(db, c.tenantId, 20, "c");

    const kinds = webhookJobKinds({ settings: { allowedHosts: [stalled.host, quick.host], timeoutMs: TIMEOUT_MS } });
    const { worker, clock } = testWorker(db, { kinds, concurrency: SLOTS, batchSize: 50 });
    await worker.drainOnce();

    // On the code before decision 0115 the first of B's and C's deliveries waited for A's first
    // eight requests to time out, the last for six rounds of them (36 s). Now all of them arrive
    // before any of A's requests has reached its deadline: they waited for no stalled request.
    // (Measured from A's first request, the bound holds however slowly the machine starts.)
    expect(quick.got).toHaveLength(40);
    const firstStalled = Math.min(...stalled.got.map((g) => g.at));
    expect(Math.max(...quick.got.map((g) => g.at)) - firstStalled).toBeLessThan(TIMEOUT_MS);
    const caps = shareCaps(SLOTS);
    expect(stalled.most.get("/a1")).toBeLessThanOrEqual(caps.endpoint);
    expect(stalled.most.get("/a2")).toBeLessThanOrEqual(caps.endpoint);
    expect(stalled.most.get("/a")).toBeLessThanOrEqual(caps.tenant);
    // Each of A's endpoints: a few attempts, all timed out and recorded; three in a row paused it,
    // and its other deliveries went back to the queue without an attempt.
    const first = await db.webhookDelivery.findMany({ where: { tenantId: a.tenantId } });
    const requests = requestsById([stalled]);
    expect(first.filter((r) => r.attempts !== (requests.get(r.id) ?? 0))).toEqual([]);
    expect(first.filter((r) => r.attempts > 0).every((r) => r.lastError === `no answer within ${TIMEOUT_MS} ms`)).toBe(true);
    expect(stalled.got.length).toBeGreaterThanOrEqual(6);
    expect(stalled.got.length).toBeLessThanOrEqual(2 * 2 * caps.endpoint);
    expect(first.filter((r) => r.status !== "PENDING")).toEqual([]);

    // The receiver answers again; the worker's clock passes the pause and the retries' backoff.
    stalled.stalling = false;
    clock.advance(3_600_000);
    await worker.drainOnce();
    await expectAllDelivered(db, [a.tenantId, b.tenantId, c.tenantId], [stalled, quick], 88);
    expect(stalled.got.length - requests.size).toBeGreaterThanOrEqual(48);
  });

  it("pauses an endpoint that keeps timing out on the worker's clock: its deliveries go back to the queue due when the pause ends, then one probe at a time", async () => {
    const { db } = testDb();
    const TIMEOUT_MS = 1_000;
    const stalled = await receiver(true);
    const t = await createTenantFixture(db, { slug: "hooks-iso-pause" });
    await endpoint(db, t.tenantId, stalled, "/p1");
    await queueEvents(db, t.tenantId, 10, "p");
    const kinds = webhookJobKinds({
      settings: { allowedHosts: [stalled.host], timeoutMs: TIMEOUT_MS },
      shares: { openMs: 600_000, maxOpenMs: 1_200_000 },
    });
    const { worker, clock } = testWorker(db, { kinds, concurrency: SLOTS, batchSize: 50 });
    const jobs = () => db.ingestionJob.findMany({ where: { tenantId: t.tenantId, kind: "webhook.deliver" } });

    // Two at a time (its share), three timeouts in a row open it for 10 minutes of the worker's clock.
    await worker.drainOnce();
    const tripped = stalled.got.length;
    expect(tripped).toBeGreaterThanOrEqual(3);
    expect(tripped).toBeLessThanOrEqual(2 * shareCaps(SLOTS).endpoint);
    const pauseEnds = clock.now().getTime() + 600_000;
    const all = await jobs();
    // The attempted ones retry on their own backoff; the others were given back without an
    // attempt, due when the pause ends (not before; after it by no more than the attempt took).
    expect(all.filter((j) => j.attempts > 0)).toHaveLength(tripped);
    for (const j of all) {
      expect(j.status).toBe("PENDING");
      if (j.attempts > 0) continue;
      expect(j.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(pauseEnds);
      expect(j.nextAttemptAt.getTime()).toBeLessThanOrEqual(pauseEnds + 10 * TIMEOUT_MS);
    }

    // Within the pause (the retries' backoff has passed): no request, nothing counted.
    clock.advance(60_000);
    await worker.drainOnce();
    expect(stalled.got.length).toBe(tripped);

    // After the pause on the worker's clock (hardly any real time later): one probe at a time; it
    // times out and the endpoint is paused again, for twice as long.
    clock.advance(600_000);
    await worker.drainOnce();
    expect(stalled.got.length).toBe(tripped + 1);
    expect(stalled.most.get("/p1")).toBeLessThanOrEqual(shareCaps(SLOTS).endpoint);

    // It answers again: after the second pause, the probe closes it and every delivery goes.
    stalled.stalling = false;
    clock.advance(1_300_000);
    await worker.drainOnce();
    await expectAllDelivered(db, [t.tenantId], [stalled], 10);
  });
});
