import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { enqueueWebsiteEvent, enqueueWebsiteEvents, eventRequestHash, EventTenantMismatchError, IdempotencyConflictError } from "../src";
import { ZWebsiteEvent, type WebsiteEventInput } from "@real-estate/types";
import { leadSubmitted } from "./support/website-events";

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

  it("never queues a key the ledger holds (same request: no job; another body: conflict) and sets each type's attempts", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const other = await createTenantFixture(db);
    const processed = leadSubmitted(t.tenantId, { email: "done@example.com" }, { message: "first" });
    const reused = leadSubmitted(t.tenantId, { email: "reused@example.com" }, { message: "first" });
    for (const e of [processed, reused]) {
      const hash = eventRequestHash(ZWebsiteEvent.parse(e));
      await db.ingestedEvent.create({ data: { tenantId: t.tenantId, eventId: e.eventId, eventType: e.type, requestHash: hash } });
    }
    // The same key in another tenant's ledger is another key.
    const fresh = leadSubmitted(t.tenantId, { email: "fresh@example.com" });
    await db.ingestedEvent.create({ data: { tenantId: other.tenantId, eventId: fresh.eventId, eventType: fresh.type } });
    const viewed: WebsiteEventInput = {
      ...leadSubmitted(t.tenantId, {}),
      type: "listing.viewed",
      payload: { visitorId: "v1", contact: { email: "viewer@example.com" }, listingKey: "L-1" },
    } as WebsiteEventInput;
    const changed = leadSubmitted(t.tenantId, { email: "reused@example.com" }, { eventId: reused.eventId, message: "second" });
    const results = await enqueueWebsiteEvents({ db, tenantId: t.tenantId, events: [processed, fresh, changed, viewed] });
    expect(results[0]).toEqual({ jobId: null, eventId: processed.eventId, created: false });
    expect(results[1]!.created).toBe(true);
    expect(results[2]!.conflict).toBeInstanceOf(IdempotencyConflictError);
    expect(results[2]!.jobId).toBeNull();
    expect(results[3]!.created).toBe(true);
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId }, orderBy: { eventType: "asc" } });
    expect(jobs.map((j) => [j.eventId, j.maxAttempts])).toEqual([
      [fresh.eventId, 6],
      [viewed.eventId, 3],
    ]);
    expect(jobs[1]!.eventType).toBe("listing.viewed");
    expect(await db.ingestionJob.count({ where: { tenantId: other.tenantId } })).toBe(0);
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
