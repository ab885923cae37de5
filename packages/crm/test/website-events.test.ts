import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import pg from "pg";
import { classifyIngestionError, PermanentIngestionError } from "@real-estate/queue";
import { v7 as uuidv7 } from "uuid";
import { processWebsiteEvent } from "../src/website-events";
import { leadSubmitted, valuationRequested } from "@real-estate/queue/testing";

const testDb = useTestDatabase("ingestproc");

describe("processWebsiteEvent", () => {
  it("creates contact, NEW lead and a WEBSITE_EVENT activity in the event's tenant, and records the ledger", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const event = leadSubmitted(
      t.tenantId,
      { firstName: "Ada", lastName: "Lovelace", email: "Ada@Example.com", phone: "(203) 555-0101" },
      { message: "Looking for a 3 bed" },
    );
    const result = await processWebsiteEvent({ tenantId: t.tenantId, event, db });
    expect(result).toMatchObject({ outcome: "applied", contactCreated: true, leadCreated: true });
    const contact = await db.contact.findFirstOrThrow({ where: { tenantId: t.tenantId } });
    expect(contact).toMatchObject({ email: "ada@example.com", phone: "+12035550101", firstName: "Ada", lastName: "Lovelace", source: "website_contact" });
    const lead = await db.lead.findFirstOrThrow({ where: { tenantId: t.tenantId } });
    expect(lead).toMatchObject({ contactId: contact.id, status: "NEW", source: "website_contact", message: "Looking for a 3 bed" });
    const activity = await db.activity.findFirstOrThrow({ where: { tenantId: t.tenantId } });
    expect(activity).toMatchObject({
      type: "WEBSITE_EVENT",
      contactId: contact.id,
      leadId: lead.id,
      eventId: event.eventId,
      title: "Contact form message from the website",
      body: "Looking for a 3 bed",
    });
    const ledger = await db.ingestedEvent.findUniqueOrThrow({ where: { tenantId_eventId: { tenantId: t.tenantId, eventId: event.eventId } } });
    expect(ledger).toMatchObject({ contactId: contact.id, leadId: lead.id, activityId: activity.id, eventType: "lead.submitted" });
  });

  it("is a no-op for an event already in the ledger, also when run concurrently", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const event = leadSubmitted(t.tenantId, { email: "once@example.com" });
    const results = await Promise.all([1, 2, 3].map(() => processWebsiteEvent({ tenantId: t.tenantId, event, db })));
    expect(results.filter((r) => r.outcome === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(2);
    expect(await db.activity.count({ where: { tenantId: t.tenantId } })).toBe(1);
    expect(await db.lead.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });

  it("matches by e-mail case-insensitively, else by E.164 phone, and updates the open lead", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const first = await processWebsiteEvent({
      tenantId: t.tenantId,
      event: leadSubmitted(t.tenantId, { email: "bob@example.com", phone: "203.555.0199" }),
      db,
    });
    const byEmail = await processWebsiteEvent({
      tenantId: t.tenantId,
      event: leadSubmitted(t.tenantId, { email: "BOB@example.com" }, { message: "second" }),
      db,
    });
    const byPhone = await processWebsiteEvent({
      tenantId: t.tenantId,
      event: leadSubmitted(t.tenantId, { phone: "+1 203 555 0199", firstName: "Bob" }, { listingKey: "L-77" }),
      db,
    });
    if (first.outcome !== "applied" || byEmail.outcome !== "applied" || byPhone.outcome !== "applied") throw new Error("expected applied");
    expect(byEmail).toMatchObject({ contactId: first.contactId, leadId: first.leadId, contactCreated: false, leadCreated: false });
    expect(byPhone).toMatchObject({ contactId: first.contactId, leadId: first.leadId, contactCreated: false, leadCreated: false });
    const contact = await db.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: first.contactId } } });
    expect(contact.firstName).toBe("Bob");
    const lead = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: first.leadId } } });
    expect(lead).toMatchObject({ message: "second", listingKey: "L-77" });
    expect(await db.activity.count({ where: { tenantId: t.tenantId, leadId: first.leadId } })).toBe(3);
  });

  it("opens a new lead when the contact's lead is closed, with the event's source", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const first = await processWebsiteEvent({ tenantId: t.tenantId, event: leadSubmitted(t.tenantId, { email: "won@example.com" }), db });
    if (first.outcome !== "applied") throw new Error("expected applied");
    await db.lead.update({ where: { tenantId_id: { tenantId: t.tenantId, id: first.leadId } }, data: { status: "WON" } });
    const again = await processWebsiteEvent({
      tenantId: t.tenantId,
      event: leadSubmitted(t.tenantId, { email: "won@example.com" }, { listingKey: "L-1" }),
      db,
    });
    expect(again).toMatchObject({ outcome: "applied", contactId: first.contactId, leadCreated: true });
    if (again.outcome !== "applied") throw new Error("expected applied");
    const lead = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: again.leadId } } });
    expect(lead).toMatchObject({ status: "NEW", source: "listing_inquiry", listingKey: "L-1" });
  });

  it("keeps the same e-mail in two tenants as two contacts", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    await processWebsiteEvent({ tenantId: a.tenantId, event: leadSubmitted(a.tenantId, { email: "shared@example.com" }), db });
    await processWebsiteEvent({ tenantId: b.tenantId, event: leadSubmitted(b.tenantId, { email: "shared@example.com" }), db });
    const contacts = await db.contact.findMany({ where: { email: "shared@example.com" }, select: { tenantId: true } });
    expect(contacts.map((c) => c.tenantId).sort()).toEqual([a.tenantId, b.tenantId].sort());
  });

  it("stores consent, source and property facts on the valuation activity", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const event = valuationRequested(t.tenantId, { email: "seller@example.com" });
    await processWebsiteEvent({ tenantId: t.tenantId, event, db });
    const activity = await db.activity.findFirstOrThrow({ where: { tenantId: t.tenantId, eventId: event.eventId } });
    expect(activity.title).toBe("Home valuation requested for 12 Elm Street, Fairfield CT");
    expect(activity.body).toContain("3 bd · 2 ba · 1,850 sq ft · built 1962");
    expect(activity.body).toContain("$610,000–$680,000");
    // The CRM says which facts the visitor's estimate rested on.
    expect(activity.body).toContain("Estimate used: town, living area, bedrooms, bathrooms");
    expect(activity.body).toContain("Not used (too few comparables): year built");
    const meta = activity.metadata as { consent: Record<string, unknown> & { text: string }; source: Record<string, unknown> };
    expect(meta.consent).toMatchObject({ given: true, version: "2026-01", ip: "203.0.113.9", pageUrl: "https://example.test/valuation" });
    expect(meta.consent.text).toContain("I agree to be contacted");
    expect(meta.source).toMatchObject({ pageUrl: "https://example.test/valuation" });
    expect((await db.lead.findFirstOrThrow({ where: { tenantId: t.tenantId } })).source).toBe("valuation");
  });

  it("never creates two contacts for one person when events race (phone in several formats)", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const formats = ["2035550123", "(203) 555-0123", "+1 203 555 0123", "203.555.0123", "1-203-555-0123"];
    const events = formats.flatMap((phone) => [1, 2].map(() => leadSubmitted(t.tenantId, { phone })));
    await Promise.all(events.map((event) => processWebsiteEvent({ tenantId: t.tenantId, event, db })));
    const contacts = await db.contact.findMany({ where: { tenantId: t.tenantId } });
    expect(contacts.map((c) => c.phone)).toEqual(["+12035550123"]);
    expect(await db.lead.count({ where: { tenantId: t.tenantId } })).toBe(1);
    expect(await db.activity.count({ where: { tenantId: t.tenantId } })).toBe(10);
  });

  it("serialises events that reach one contact through different identities (no second open lead)", async () => {
    const { db, url } = testDb();
    const t = await createTenantFixture(db);
    const first = await processWebsiteEvent({ tenantId: t.tenantId, event: leadSubmitted(t.tenantId, { email: "race@example.com", phone: "2035550124" }), db });
    if (first.outcome !== "applied") throw new Error("expected applied");
    await db.lead.update({ where: { tenantId_id: { tenantId: t.tenantId, id: first.leadId } }, data: { status: "LOST" } });
    // Another writer holds the contact row while it opens a lead. Events arriving by e-mail and
    // by phone (different advisory locks) must wait for it and then join that lead; if they
    // looked for an open lead without waiting, each would open its own.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT 1 FROM "Contact" WHERE "tenantId" = $1 AND id = $2 FOR UPDATE`, [t.tenantId, first.contactId]);
      const racing = [{ email: "race@example.com" }, { phone: "203-555-0124" }].map((contact) =>
        processWebsiteEvent({ tenantId: t.tenantId, event: leadSubmitted(t.tenantId, contact), db }),
      );
      await new Promise((r) => setTimeout(r, 700));
      await blocker.query(
        `INSERT INTO "Lead" ("tenantId", id, "contactId", status, source, "lastActivityAt", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, 'NEW', 'manual', now(), now(), now())`,
        [t.tenantId, uuidv7(), first.contactId],
      );
      await blocker.query("COMMIT");
      await Promise.all(racing);
    } finally {
      await blocker.end();
    }
    const open = await db.lead.findMany({ where: { tenantId: t.tenantId, status: { notIn: ["WON", "LOST"] } } });
    expect(open).toHaveLength(1);
    expect(open[0]!.source).toBe("manual");
    expect(await db.activity.count({ where: { tenantId: t.tenantId, leadId: open[0]!.id } })).toBe(2);
    expect(await db.contact.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });

  it("refuses an invalid payload or a foreign tenant as a permanent error and writes nothing", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    const bad = { ...leadSubmitted(a.tenantId, { email: "x@example.com" }), payload: { contact: {} } };
    await expect(processWebsiteEvent({ tenantId: a.tenantId, event: bad, db })).rejects.toBeInstanceOf(PermanentIngestionError);
    await expect(processWebsiteEvent({ tenantId: a.tenantId, event: leadSubmitted(b.tenantId, { email: "x@example.com" }), db })).rejects.toThrow(
      /does not match/,
    );
    const missingTenant = "00000000-0000-7000-8000-000000000000";
    const orphan = leadSubmitted(missingTenant, { email: "x@example.com" });
    const error = await processWebsiteEvent({ tenantId: missingTenant, event: orphan, db }).catch((e: unknown) => e);
    expect(classifyIngestionError(error)).toBe("permanent");
    expect(await db.ingestedEvent.count({ where: { tenantId: { in: [a.tenantId, b.tenantId, missingTenant] } } })).toBe(0);
  });
});
