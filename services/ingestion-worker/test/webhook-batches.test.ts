// The webhook kind's batched statements: many deliveries read in one statement (each tenant's own
// only) and many successful attempts recorded in one, with mixed outcomes in the same batch.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createWebhookEndpoint, deliveryBatches, queueWebhookEvents, READ_AHEAD_MAX_AGE_MS } from "@real-estate/integrations";

const testDb = useTestDatabase("hooks_batches");

async function endpointWithDeliveries(db: Db, tenantId: string, name: string, count: number) {
  const created = await createWebhookEndpoint({
    db,
    tenantId,
    input: { url: `https://hooks.example.com/${name}`, events: ["contact.created"] },
    createdByUserId: null,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.fields));
  await queueWebhookEvents(db, {
    tenantId,
    events: Array.from({ length: count }, () => ({ type: "contact.created" as const, data: { contact: { id: crypto.randomUUID() } } })),
  });
  const deliveries = await db.webhookDelivery.findMany({ where: { tenantId, endpointId: created.endpoint.id }, orderBy: { id: "asc" } });
  return { endpointId: created.endpoint.id, ids: deliveries.map((d) => d.id) };
}

describe("batched webhook delivery statements", () => {
  it("reads many deliveries in one statement, each only under its own tenant", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "hooks-batch-read-a" });
    const b = await createTenantFixture(db, { slug: "hooks-batch-read-b" });
    const ea = await endpointWithDeliveries(db, a.tenantId, "read-a", 2);
    const eb = await endpointWithDeliveries(db, b.tenantId, "read-b", 1);
    const batches = deliveryBatches(db)!;
    expect(batches).not.toBeNull();
    // Asked in the same turn: one statement carries them all.
    const [a0, a1, b0, crossed, missing] = await Promise.all([
      batches.read({ tenantId: a.tenantId, deliveryId: ea.ids[0]! }),
      batches.read({ tenantId: a.tenantId, deliveryId: ea.ids[1]!.toUpperCase() }),
      batches.read({ tenantId: b.tenantId, deliveryId: eb.ids[0]! }),
      // Tenant a asking for tenant b's delivery finds nothing.
      batches.read({ tenantId: a.tenantId, deliveryId: eb.ids[0]! }),
      batches.read({ tenantId: a.tenantId, deliveryId: crypto.randomUUID() }),
    ]);
    expect(a0).toMatchObject({ tenantId: a.tenantId, id: ea.ids[0], status: "PENDING", url: "https://hooks.example.com/read-a", disabledAt: null });
    expect((a0!.payload as { type: string }).type).toBe("contact.created");
    expect(a0!.secret).toMatch(/^whsec_/);
    expect(a1?.id).toBe(ea.ids[1]);
    expect(b0).toMatchObject({ tenantId: b.tenantId, id: eb.ids[0], url: "https://hooks.example.com/read-b" });
    expect(crossed).toBeNull();
    expect(missing).toBeNull();
  });

  it("uses a delivery read ahead only while it is fresh, and once", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "hooks-batch-ahead" });
    const e = await endpointWithDeliveries(db, t.tenantId, "ahead", 1);
    const key = { tenantId: t.tenantId, deliveryId: e.ids[0]! };
    const setUrl = (url: string) => db.webhookEndpoint.update({ where: { tenantId_id: { tenantId: t.tenantId, id: e.endpointId } }, data: { url } });
    const batches = deliveryBatches(db)!;
    // Read ahead, then the endpoint changes: the attempt that follows at once uses what was read.
    batches.readAhead([key]);
    await new Promise((r) => setTimeout(r, 50));
    await setUrl("https://hooks.example.com/changed-1");
    expect((await batches.read(key))?.url).toBe("https://hooks.example.com/ahead");
    // Taken once: the next read is a fresh one.
    expect((await batches.read(key))?.url).toBe("https://hooks.example.com/changed-1");
    // Read ahead too long ago: read again.
    batches.readAhead([key]);
    await new Promise((r) => setTimeout(r, READ_AHEAD_MAX_AGE_MS + 100));
    await setUrl("https://hooks.example.com/changed-2");
    expect((await batches.read(key))?.url).toBe("https://hooks.example.com/changed-2");
  });

  it("records successes with mixed outcomes in one statement: a late repeat changes nothing, a failing endpoint's clock is reset, a healthy one is not written", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "hooks-batch-record" });
    const other = await createTenantFixture(db, { slug: "hooks-batch-record-other" });
    const healthy = await endpointWithDeliveries(db, t.tenantId, "healthy", 2);
    const failing = await endpointWithDeliveries(db, t.tenantId, "failing", 1);
    const elsewhere = await endpointWithDeliveries(db, other.tenantId, "elsewhere", 1);
    const yesterday = new Date(Date.now() - 20 * 3_600_000);
    const earlier = new Date(Date.now() - 3_600_000);
    await db.webhookEndpoint.update({ where: { tenantId_id: { tenantId: t.tenantId, id: failing.endpointId } }, data: { failingSince: yesterday } });
    await db.webhookEndpoint.update({ where: { tenantId_id: { tenantId: t.tenantId, id: healthy.endpointId } }, data: { updatedAt: earlier } });
    // The second delivery to the healthy endpoint was already delivered (this is a late repeat).
    await db.webhookDelivery.update({
      where: { tenantId_id: { tenantId: t.tenantId, id: healthy.ids[1]! } },
      data: { status: "DELIVERED", attempts: 1, responseStatus: 204, deliveredAt: earlier, lastAttemptAt: earlier },
    });
    const now = new Date();
    const attempt = (tenantId: string, deliveryId: string, status: number) => ({
      tenantId,
      deliveryId,
      status,
      latencyMs: 7,
      excerpt: `answer ${status}`,
      now,
    });
    const batches = deliveryBatches(db)!;
    const written = await Promise.all([
      batches.recordDelivered(attempt(t.tenantId, healthy.ids[0]!, 200)),
      batches.recordDelivered(attempt(t.tenantId, healthy.ids[1]!, 200)),
      batches.recordDelivered(attempt(t.tenantId, failing.ids[0]!, 202)),
      // Another tenant's id under this tenant: nothing written.
      batches.recordDelivered(attempt(t.tenantId, elsewhere.ids[0]!, 200)),
    ]);
    expect(written).toEqual([true, false, true, false]);
    const row = (tenantId: string, id: string) => db.webhookDelivery.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } });
    expect(await row(t.tenantId, healthy.ids[0]!)).toMatchObject({
      status: "DELIVERED",
      attempts: 1,
      responseStatus: 200,
      latencyMs: 7,
      responseExcerpt: "answer 200",
      lastError: null,
      deliveredAt: now,
      lastAttemptAt: now,
    });
    expect(await row(t.tenantId, healthy.ids[1]!)).toMatchObject({ status: "DELIVERED", attempts: 1, responseStatus: 204, deliveredAt: earlier });
    expect(await row(t.tenantId, failing.ids[0]!)).toMatchObject({ status: "DELIVERED", attempts: 1, responseStatus: 202, deliveredAt: now });
    expect(await row(other.tenantId, elsewhere.ids[0]!)).toMatchObject({ status: "PENDING", attempts: 0, deliveredAt: null });
    const endpoint = (tenantId: string, id: string) => db.webhookEndpoint.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } });
    expect(await endpoint(t.tenantId, failing.endpointId)).toMatchObject({ failingSince: null, updatedAt: now, disabledAt: null });
    expect(await endpoint(t.tenantId, healthy.endpointId)).toMatchObject({ failingSince: null, updatedAt: earlier });
  });
});
