import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { enqueueWebsiteEvent, IdempotencyConflictError } from "@real-estate/queue";
import { eraseContact } from "../src/privacy";
import { processWebsiteEvent } from "../src/website-events";
import { leadSubmitted } from "@real-estate/queue/testing";

const testDb = useTestDatabase("idempotency_erasure");

describe("idempotency keys after processing and erasure", () => {
  it("after processing and pruning the key still answers from the ledger; an erased person's events are never stored again", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const event = leadSubmitted(t.tenantId, { email: "di@example.com", phone: "+12035550104" }, { message: "hello" });
    const pending = leadSubmitted(t.tenantId, { email: "di@example.com" }, { message: "still queued" });
    await enqueueWebsiteEvent({ tenantId: t.tenantId, event });
    const applied = await processWebsiteEvent({
      tenantId: t.tenantId,
      event: (await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId, eventId: event.eventId } })).payload,
      db,
    });
    if (applied.outcome !== "applied") throw new Error("not applied");
    await db.ingestionJob.deleteMany({ where: { tenantId: t.tenantId, eventId: event.eventId } });
    expect(await enqueueWebsiteEvent({ tenantId: t.tenantId, event })).toEqual({ jobId: null, eventId: event.eventId, created: false });
    await expect(
      enqueueWebsiteEvent({ tenantId: t.tenantId, event: { ...event, payload: { ...event.payload, message: "changed" } } as typeof event }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId, eventId: event.eventId } })).toBe(0);

    await enqueueWebsiteEvent({ tenantId: t.tenantId, event: pending });
    const erased = await eraseContact({ tenantId: t.tenantId, contactId: applied.contactId, actorUserId: "owner", db });
    expect(erased.erased).toBe(true);
    for (const e of [event, pending]) {
      expect(await enqueueWebsiteEvent({ tenantId: t.tenantId, event: e })).toMatchObject({ created: false, jobId: null });
    }
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId } })).toBe(0);
    const ledger = await db.ingestedEvent.findMany({ where: { tenantId: t.tenantId }, orderBy: { eventId: "asc" } });
    expect(ledger.map((l) => l.eventId).sort()).toEqual([event.eventId, pending.eventId].sort());
    expect(ledger.every((l) => l.erasedAt !== null && l.contactId === null)).toBe(true);
    expect(JSON.stringify(await db.ingestionJob.findMany({ where: { tenantId: t.tenantId } }))).not.toContain("di@example.com");
  });
});
