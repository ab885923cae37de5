import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { eraseContact, exportContactData, unsafeFindTextInDatabase } from "../src/privacy";
import { plantBystander, plantPerson } from "./support/privacy-fixtures";

const testDb = useTestDatabase("privacy-erase");

describe("eraseContact", () => {
  it("removes the person from every table, queue payloads and dead letters included, and leaves an audit row without personal data", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "erase-a" });
    const person = await plantPerson(db, a.tenantId, "e1");
    const bystander = await plantBystander(db, a.tenantId);
    const needles = [person.email, person.phone, person.rawPhone];
    expect((await unsafeFindTextInDatabase({ needles, db })).length).toBeGreaterThan(8);

    const result = await eraseContact({ tenantId: a.tenantId, contactId: person.contactId, actorUserId: "owner-1", db });
    expect(result).toMatchObject({ erased: true, counts: { leads: 1, activities: 1, queueJobs: 3, visitors: 1 } });

    expect(await unsafeFindTextInDatabase({ needles, db })).toEqual([]);
    expect(await db.contact.findUnique({ where: { tenantId_id: { tenantId: a.tenantId, id: person.contactId } } })).toBeNull();
    expect(await db.lead.count({ where: { tenantId: a.tenantId, contactId: person.contactId } })).toBe(0);
    // The ledger keeps every event of the person, processed or still queued when erased (so a
    // replay is recognised and not stored again), marked erased and no longer pointing at them.
    const ledger = await db.ingestedEvent.findMany({ where: { tenantId: a.tenantId, eventId: { in: person.eventIds } }, orderBy: { eventId: "asc" } });
    expect(ledger.map((l) => [l.eventId, l.contactId, l.leadId, l.activityId])).toEqual([...person.eventIds].sort().map((id) => [id, null, null, null]));
    expect(ledger.every((l) => l.erasedAt instanceof Date)).toBe(true);

    const audit = await db.tenantAuditLog.findMany({ where: { tenantId: a.tenantId, action: "contact.erased" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: "owner-1", entityType: "Contact", entityId: person.contactId });
    // Its ids and times are random or the clock's (a UUID or a millisecond can read "555"): the rest names no one.
    const auditText = JSON.stringify(audit[0])
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, "<time>");
    expect(auditText).not.toMatch(/pat\.|555|example\.org|doe-/i);

    // The bystander is untouched.
    expect(await db.contact.count({ where: { tenantId: a.tenantId, id: bystander.contactId } })).toBe(1);
    expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, eventId: bystander.eventId } })).toBe(1);
  });

  it("erases within its tenant only: the same person at another brokerage keeps their records", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "erase-b1" });
    const b = await createTenantFixture(db, { slug: "erase-b2" });
    const inA = await plantPerson(db, a.tenantId, "e2");
    const inB = await plantPerson(db, b.tenantId, "e2");
    expect(inB.email).toBe(inA.email);

    // B's contact id used as A: indistinguishable from a missing contact, nothing changes.
    expect(await eraseContact({ tenantId: a.tenantId, contactId: inB.contactId, actorUserId: "owner-a", db })).toEqual({ erased: false });
    expect(await exportContactData({ tenantId: a.tenantId, contactId: inB.contactId, actorUserId: "owner-a", db })).toBeNull();

    const before = await unsafeFindTextInDatabase({ needles: [inA.email, inA.phone], db });
    await eraseContact({ tenantId: a.tenantId, contactId: inA.contactId, actorUserId: "owner-a", db });
    const after = await unsafeFindTextInDatabase({ needles: [inA.email, inA.phone], db });
    // Every remaining copy is B's: B's rows are exactly half of what was there (same plant in both
    // tenants), and B's contact, jobs and visitor are all still there.
    const total = (hits: typeof after) => hits.reduce((n, h) => n + h.rows, 0);
    expect(total(after)).toBeGreaterThan(0);
    expect(await db.contact.count({ where: { tenantId: b.tenantId, id: inB.contactId } })).toBe(1);
    expect(await db.ingestionJob.count({ where: { tenantId: b.tenantId, eventId: { in: inB.eventIds } } })).toBe(3);
    expect(await db.visitor.count({ where: { tenantId: b.tenantId, email: inB.email } })).toBe(1);
    expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, eventId: { in: inA.eventIds } } })).toBe(0);
    // The shared operator audit rows of both tenants mentioned the e-mail; only A's was redacted.
    expect(total(before) - total(after)).toBe(total(after));
  });

  it("answers erased: false for an unknown contact and writes no audit row", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "erase-c" });
    expect(await eraseContact({ tenantId: a.tenantId, contactId: "0190a000-0000-7000-8000-000000000000", actorUserId: "x", db })).toEqual({ erased: false });
    expect(await db.tenantAuditLog.count({ where: { tenantId: a.tenantId } })).toBe(0);
  });
});
