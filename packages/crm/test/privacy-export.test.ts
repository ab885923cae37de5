import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { CONTACT_EXPORT_FORMAT, exportContactData } from "../src/privacy";
import { plantBystander, plantPerson } from "./support/privacy-fixtures";

const testDb = useTestDatabase("privacy-export");

describe("exportContactData", () => {
  it("returns everything held about the contact as one JSON document, and nobody else's data", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "export-a" });
    const person = await plantPerson(db, a.tenantId, "x1");
    const bystander = await plantBystander(db, a.tenantId);

    const doc = await exportContactData({ tenantId: a.tenantId, contactId: person.contactId, actorUserId: "owner-1", db });
    expect(doc).not.toBeNull();
    const json = JSON.parse(JSON.stringify(doc, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
    expect(json.format).toBe(CONTACT_EXPORT_FORMAT);
    expect(json.contact).toMatchObject({ id: person.contactId, email: person.email, phone: person.phone });
    expect(json.leads.map((l: { id: string }) => l.id)).toEqual([person.leadId]);
    expect(json.activities).toHaveLength(1);
    expect(json.activities[0].metadata.consent).toMatchObject({ version: "2026-01", ip: "203.0.113.9", pageUrl: "https://site.test/contact" });
    expect(json.ingestedEvents.map((e: { eventId: string }) => e.eventId)).toEqual([person.eventIds[0]]);
    expect(json.queueJobs.map((j: { eventId: string }) => j.eventId).sort()).toEqual([person.eventIds[0], person.eventIds[1]]);
    expect(json.deadLetters.map((j: { eventId: string; lastError: string }) => [j.eventId, j.lastError])).toEqual([
      [person.eventIds[2], `rejected ${person.email}: mailbox unknown`],
    ]);
    expect(json.visitors).toHaveLength(1);
    expect(json.visitors[0].savedListings).toHaveLength(1);
    expect(JSON.stringify(json)).not.toContain("passwordHash");
    expect(JSON.stringify(json)).not.toContain(bystander.email);

    const audit = await db.tenantAuditLog.findMany({ where: { tenantId: a.tenantId, action: "contact.exported" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(person.email);
  });

  it("is null for a missing contact", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "export-b" });
    expect(await exportContactData({ tenantId: a.tenantId, contactId: "0190a000-0000-7000-8000-000000000001", actorUserId: "x", db })).toBeNull();
  });
});
