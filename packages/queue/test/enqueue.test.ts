import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { enqueueWebsiteEvent, EventTenantMismatchError } from "../src";

const testDb = useTestDatabase("enqueue");

function leadEvent(tenantId: string, eventId = crypto.randomUUID()) {
  return {
    eventId,
    tenantId,
    occurredAt: new Date().toISOString(),
    type: "lead.submitted" as const,
    payload: { contact: { firstName: "Ada", email: "Ada@Example.com" }, message: "Hello" },
  };
}

describe("enqueueWebsiteEvent", () => {
  it("stores the validated event once; repeats (also concurrent) return the original job", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const event = leadEvent(t.tenantId);
    const results = await Promise.all([1, 2, 3].map(() => enqueueWebsiteEvent({ tenantId: t.tenantId, event })));
    expect(new Set(results.map((r) => r.jobId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const again = await enqueueWebsiteEvent({ tenantId: t.tenantId, event });
    expect(again).toEqual({ jobId: results[0]!.jobId, eventId: event.eventId, created: false });
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: "PENDING", eventType: "lead.submitted", attempts: 0 });
    expect((jobs[0]!.payload as { payload: { contact: { email: string } } }).payload.contact.email).toBe("ada@example.com");
  });

  it("keeps the same eventId of two tenants apart", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    const id = crypto.randomUUID();
    const ra = await enqueueWebsiteEvent({ tenantId: a.tenantId, event: leadEvent(a.tenantId, id) });
    const rb = await enqueueWebsiteEvent({ tenantId: b.tenantId, event: leadEvent(b.tenantId, id) });
    expect(ra.created && rb.created).toBe(true);
    expect(await db.ingestionJob.count({ where: { eventId: id } })).toBe(2);
  });

  it("refuses an invalid event or one for another tenant, and stores nothing", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    await expect(enqueueWebsiteEvent({ tenantId: a.tenantId, event: leadEvent(b.tenantId) })).rejects.toBeInstanceOf(EventTenantMismatchError);
    const bad = { ...leadEvent(a.tenantId), payload: { contact: { firstName: "No contact details" } } };
    await expect(enqueueWebsiteEvent({ tenantId: a.tenantId, event: bad })).rejects.toThrow(/email or a phone/);
    expect(await db.ingestionJob.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } })).toBe(0);
  });
});
