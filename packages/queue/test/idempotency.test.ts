import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { enqueueWebsiteEvent, enqueueWebsiteEvents, IdempotencyConflictError, requestHash } from "../src";
import { leadSubmitted, valuationRequested } from "@real-estate/queue/testing";

const testDb = useTestDatabase("idempotency");

const message = fc.string({ minLength: 1, maxLength: 40 }).filter((m) => m.trim().length > 0 && !m.includes("\u0000"));

describe("idempotency keys (Stripe semantics)", () => {
  it("same key and same body: the original answer; same key and another body: 409 naming it, nothing stored", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await fc.assert(
      fc.asyncProperty(message, message, fc.integer({ min: 1, max: 4 }), async (first, second, repeats) => {
        const eventId = crypto.randomUUID();
        const event = leadSubmitted(t.tenantId, { email: "ann@example.com" }, { eventId, message: first });
        const original = await enqueueWebsiteEvent({ tenantId: t.tenantId, event });
        const again = await Promise.all(
          Array.from({ length: repeats }, () => enqueueWebsiteEvent({ tenantId: t.tenantId, event: { ...event, occurredAt: new Date().toISOString() } })),
        );
        for (const r of again) expect(r).toEqual({ ...original, created: false });
        const other = leadSubmitted(t.tenantId, { email: "ann@example.com" }, { eventId, message: second });
        if (first.trim() === second.trim()) {
          expect((await enqueueWebsiteEvent({ tenantId: t.tenantId, event: other })).jobId).toBe(original.jobId);
        } else {
          const error = await enqueueWebsiteEvent({ tenantId: t.tenantId, event: other }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(IdempotencyConflictError);
          expect((error as IdempotencyConflictError).eventId).toBe(eventId);
        }
        const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId, eventId } });
        expect(jobs).toHaveLength(1);
        expect((jobs[0]!.payload as { payload: { message: string } }).payload.message).toBe(first.trim());
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("a key used for one kind of event is a conflict for another kind", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const lead = leadSubmitted(t.tenantId, { email: "bo@example.com" });
    await enqueueWebsiteEvent({ tenantId: t.tenantId, event: lead });
    const valuation = { ...valuationRequested(t.tenantId, { email: "bo@example.com" }), eventId: lead.eventId };
    await expect(enqueueWebsiteEvent({ tenantId: t.tenantId, event: valuation })).rejects.toMatchObject({
      name: "IdempotencyConflictError",
      originalEventType: "lead.submitted",
      eventType: "valuation.requested",
    });
    const bulk = await enqueueWebsiteEvents({ tenantId: t.tenantId, events: [valuation, lead] });
    expect(bulk[0]!.conflict).toBeInstanceOf(IdempotencyConflictError);
    expect(bulk[1]!.created).toBe(false);
    expect(bulk[1]!.conflict).toBeUndefined();
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });

  it("a caller's own fingerprint decides sameness; the same key in another tenant is another key", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    const eventId = crypto.randomUUID();
    const ea = leadSubmitted(a.tenantId, { email: "cy@example.com" }, { eventId, message: "one" });
    await enqueueWebsiteEvent({ tenantId: a.tenantId, event: ea, requestHash: requestHash({ form: "lead", message: "one" }) });
    await expect(enqueueWebsiteEvent({ tenantId: a.tenantId, event: ea, requestHash: requestHash({ form: "lead", message: "two" }) })).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
    const eb = leadSubmitted(b.tenantId, { email: "cy@example.com" }, { eventId, message: "two" });
    expect((await enqueueWebsiteEvent({ tenantId: b.tenantId, event: eb })).created).toBe(true);
    expect(await db.ingestionJob.count({ where: { eventId } })).toBe(2);
  });
});
