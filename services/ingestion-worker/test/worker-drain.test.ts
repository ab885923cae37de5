import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { enqueueWebsiteEvent } from "@real-estate/queue";
import { enqueue, jobOf, leadEvent, testWorker } from "./helpers";

const testDb = useTestDatabase("workerdrain");

describe("worker drain", () => {
  it("turns an enqueued event into a contact, lead and activity of the right tenant", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    const { event } = await enqueue(
      db,
      a.tenantId,
      { firstName: "Grace", email: "grace@example.com", phone: "203 555 0142" },
      { listingKey: "FF-1001", message: "Is it still available?", requestId: "edge-0f3c9a77e1" },
    );
    const { worker, logger } = testWorker(db);
    expect(await worker.drainOnce()).toEqual({ processed: 1, retried: 0, deadLettered: 0 });
    const contact = await db.contact.findFirstOrThrow({ where: { tenantId: a.tenantId } });
    expect(contact).toMatchObject({ email: "grace@example.com", phone: "+12035550142", firstName: "Grace" });
    const lead = await db.lead.findFirstOrThrow({ where: { tenantId: a.tenantId } });
    expect(lead).toMatchObject({ contactId: contact.id, status: "NEW", source: "listing_inquiry", listingKey: "FF-1001" });
    const activity = await db.activity.findFirstOrThrow({ where: { tenantId: a.tenantId } });
    expect(activity).toMatchObject({ type: "WEBSITE_EVENT", eventId: event.eventId, leadId: lead.id, title: "Listing inquiry about FF-1001" });
    expect(await db.contact.count({ where: { tenantId: b.tenantId } })).toBe(0);
    expect(await jobOf(db, a.tenantId, event.eventId)).toMatchObject({ status: "COMPLETED", attempts: 1 });
    const line = logger.entries.find((e) => e.msg === "job");
    // The request that queued it (the website's X-Request-Id) is named, so the two logs join.
    expect(line).toMatchObject({ tenantId: a.tenantId, eventId: event.eventId, outcome: "applied", attempt: 1, requestId: "edge-0f3c9a77e1" });
    expect(typeof line!.ms).toBe("number");
    // No personal data in the logs.
    expect(JSON.stringify(logger.entries)).not.toMatch(/grace|5550142|555 0142/i); // not any "555": ids are random hex
  });

  it("enqueues the same event 3 times concurrently as 1 job with 1 CRM effect", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const event = leadEvent(t.tenantId, { email: "thrice@example.com" });
    const results = await Promise.all([1, 2, 3].map(() => enqueueWebsiteEvent({ db, tenantId: t.tenantId, event })));
    expect(new Set(results.map((r) => r.jobId)).size).toBe(1);
    const { worker } = testWorker(db);
    expect((await worker.drainOnce()).processed).toBe(1);
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId } })).toBe(1);
    expect(await db.activity.count({ where: { tenantId: t.tenantId } })).toBe(1);
    expect(await db.lead.count({ where: { tenantId: t.tenantId } })).toBe(1);
    expect(await db.ingestedEvent.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });

  it("keeps the same e-mail in two tenants as two contacts", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    await enqueue(db, a.tenantId, { email: "both@example.com" });
    await enqueue(db, b.tenantId, { email: "Both@Example.com" });
    const { worker } = testWorker(db);
    expect((await worker.drainOnce()).processed).toBe(2);
    const contacts = await db.contact.findMany({ where: { email: "both@example.com" }, select: { tenantId: true } });
    expect(contacts.map((c) => c.tenantId).sort()).toEqual([a.tenantId, b.tenantId].sort());
  });

  it("processes a batch with several workers at once without doubling anything", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    for (let i = 0; i < 60; i++) await enqueue(db, t.tenantId, { email: `person${i % 20}@example.com` });
    const workers = [1, 2, 3].map(() => testWorker(db).worker);
    const totals = await Promise.all(workers.map((w) => w.drainOnce()));
    expect(totals.reduce((s, x) => s + x.processed, 0)).toBe(60);
    expect(await db.contact.count({ where: { tenantId: t.tenantId } })).toBe(20);
    expect(await db.lead.count({ where: { tenantId: t.tenantId } })).toBe(20);
    expect(await db.activity.count({ where: { tenantId: t.tenantId } })).toBe(60);
  });
});
