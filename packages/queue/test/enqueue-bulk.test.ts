import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { enqueueWebsiteEvent, enqueueWebsiteEvents, EventTenantMismatchError } from "../src";
import { leadSubmitted } from "@real-estate/queue/testing";

const testDb = useTestDatabase("queuebulk");

describe("enqueueWebsiteEvents", () => {
  it("queues many events in one statement, idempotently, one result per input in order", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const events = Array.from({ length: 500 }, (_, i) => leadSubmitted(t.tenantId, { email: `bulk${i}@example.com` }));
    const existing = await enqueueWebsiteEvent({ db, tenantId: t.tenantId, event: events[7]! });
    const results = await enqueueWebsiteEvents({ db, tenantId: t.tenantId, events: [...events, events[3]!] });
    expect(results).toHaveLength(501);
    expect(results.map((r) => r.eventId)).toEqual([...events.map((e) => e.eventId), events[3]!.eventId]);
    expect(results.filter((r) => r.created)).toHaveLength(499);
    expect(results[7]).toEqual({ ...existing, created: false });
    expect(results[500]).toEqual({ ...results[3], created: false });
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId } })).toBe(500);
    const again = await enqueueWebsiteEvents({ db, tenantId: t.tenantId, events });
    expect(again.every((r) => !r.created)).toBe(true);
    expect(again.map((r) => r.jobId)).toEqual(results.slice(0, 500).map((r) => r.jobId));
    const job = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId, eventId: events[0]!.eventId } });
    expect(job).toMatchObject({ status: "PENDING", eventType: "lead.submitted", maxAttempts: 6 });
    expect((job.payload as { payload: { contact: { email: string } } }).payload.contact.email).toBe("bulk0@example.com");
  });

  it("refuses the whole batch when one event is invalid or belongs to another tenant", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    await expect(
      enqueueWebsiteEvents({
        db,
        tenantId: a.tenantId,
        events: [leadSubmitted(a.tenantId, { email: "ok@example.com" }), leadSubmitted(b.tenantId, { email: "x@example.com" })],
      }),
    ).rejects.toBeInstanceOf(EventTenantMismatchError);
    await expect(enqueueWebsiteEvents({ db, tenantId: a.tenantId, events: [leadSubmitted(a.tenantId, {})] })).rejects.toThrow(/email or a phone/);
    expect(await db.ingestionJob.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } })).toBe(0);
  });
});
