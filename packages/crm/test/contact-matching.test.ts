import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Db } from "@real-estate/db";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { postgresErrorCode } from "@real-estate/queue";
import { processWebsiteEvent } from "../src/website-events";
import { leadSubmitted } from "@real-estate/queue/testing";

const testDb = useTestDatabase("contact_matching");

const EMAILS = ["ann@example.com", "bo@example.com", "cy@example.com", "di@example.com"];
const PHONES = ["+12035550101", "+12035550102", "+12035550103", "+12035550104"];
/** How a person may type each phone: the same number in other shapes. */
const TYPED = (phone: string, style: number) => {
  const d = phone.slice(2);
  return [
    phone,
    `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
    `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
    `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  ][style % 4]!;
};

type Lead = { email: number | null; phone: number | null; style: number };
const lead = fc
  .record({
    email: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    phone: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    style: fc.nat(3),
  })
  .filter((l) => l.email !== null || l.phone !== null);

/** The people the leads describe: identities linked by appearing in one lead, as connected groups. */
function expectedPeople(leads: Lead[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  const add = (x: string) => parent.has(x) || parent.set(x, x);
  for (const l of leads) {
    const ids = [l.email !== null ? `e:${EMAILS[l.email]}` : null, l.phone !== null ? `p:${PHONES[l.phone]}` : null].filter((v): v is string => v !== null);
    ids.forEach(add);
    if (ids.length === 2) parent.set(find(ids[0]!), find(ids[1]!));
  }
  const groups = new Map<string, string[]>();
  for (const x of parent.keys()) groups.set(find(x), [...(groups.get(find(x)) ?? []), x]);
  return normalise([...groups.values()]);
}

const normalise = (groups: string[][]) => groups.map((g) => [...g].sort()).sort((a, b) => a.join().localeCompare(b.join()));

/** The live contacts of a tenant as groups of the identities each holds. */
async function actualPeople(db: Db, tenantId: string): Promise<string[][]> {
  const contacts = await db.contact.findMany({
    where: { tenantId, mergedIntoId: null },
    select: { emails: { select: { email: true } }, phones: { select: { phone: true } } },
  });
  return normalise(contacts.map((c) => [...c.emails.map((e) => `e:${e.email}`), ...c.phones.map((p) => `p:${p.phone}`)]));
}

async function apply(db: Db, tenantId: string, l: Lead) {
  const contact = { ...(l.email !== null ? { email: EMAILS[l.email] } : {}), ...(l.phone !== null ? { phone: TYPED(PHONES[l.phone]!, l.style) } : {}) };
  // The worker retries a deadlock victim; so does this test.
  for (let attempt = 0; ; attempt++) {
    try {
      return await processWebsiteEvent({ tenantId, event: leadSubmitted(tenantId, contact), db });
    } catch (error) {
      if (attempt < 5 && ["40P01", "40001"].includes(postgresErrorCode(error) ?? "")) continue;
      throw error;
    }
  }
}

describe("contact matching and enrichment (property)", () => {
  it("any order of leads with overlapping e-mails and phones ends in the same contacts: one per person, holding all their details", async () => {
    const { db } = testDb();
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(lead, { minLength: 1, maxLength: 8 })
          .chain((leads) => fc.tuple(fc.constant(leads), fc.shuffledSubarray(leads, { minLength: leads.length, maxLength: leads.length }))),
        async ([leads, shuffled]) => {
          const a = await createTenantFixture(db);
          const b = await createTenantFixture(db);
          for (const l of leads) await apply(db, a.tenantId, l);
          // Tenant b gets the same leads in another order, three at a time.
          for (let i = 0; i < shuffled.length; i += 3) await Promise.all(shuffled.slice(i, i + 3).map((l) => apply(db, b.tenantId, l)));
          const expected = expectedPeople(leads);
          expect(await actualPeople(db, a.tenantId)).toEqual(expected);
          expect(await actualPeople(db, b.tenantId)).toEqual(expected);
          for (const t of [a, b]) {
            // Everything a merged-away contact owned moved to the survivor.
            const stranded = await db.lead.count({ where: { tenantId: t.tenantId, contact: { mergedIntoId: { not: null } } } });
            expect(stranded).toBe(0);
            expect(await db.lead.count({ where: { tenantId: t.tenantId } })).toBeGreaterThanOrEqual(expected.length);
            // Each live contact has exactly one primary e-mail when it has any, mirrored on the contact.
            const contacts = await db.contact.findMany({
              where: { tenantId: t.tenantId, mergedIntoId: null },
              select: { email: true, phone: true, emails: { select: { email: true, isPrimary: true } }, phones: { select: { phone: true, isPrimary: true } } },
            });
            for (const c of contacts) {
              expect(c.emails.filter((e) => e.isPrimary).map((e) => e.email)).toEqual(c.email ? [c.email] : []);
              expect(c.phones.filter((p) => p.isPrimary).map((p) => p.phone)).toEqual(c.phone ? [c.phone] : []);
            }
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 300_000);
});

describe("returning people", () => {
  it("a second lead with the same e-mail, a new phone and another surname enriches the contact and says what changed", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const first = await processWebsiteEvent({
      tenantId: t.tenantId,
      event: leadSubmitted(t.tenantId, { firstName: "Ann", lastName: "Lee", email: "ann@example.com" }),
      db,
    });
    const second = await processWebsiteEvent({
      tenantId: t.tenantId,
      event: leadSubmitted(t.tenantId, { firstName: "Ann", lastName: "Park", email: "ANN@example.com", phone: "203-555-0142 x7" }),
      db,
    });
    expect(second.outcome === "applied" && first.outcome === "applied" && second.contactId === first.contactId).toBe(true);
    const contactId = first.outcome === "applied" ? first.contactId : "";
    const contact = await db.contact.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenantId, id: contactId } },
      include: { phones: true, emails: true },
    });
    expect(contact).toMatchObject({ lastName: "Lee", phone: "+12035550142", phoneExtension: "7" });
    expect(contact.phones).toEqual([expect.objectContaining({ phone: "+12035550142", extension: "7", isPrimary: true, source: "website_contact" })]);
    const change = await db.activity.findFirstOrThrow({ where: { tenantId: t.tenantId, contactId, type: "CONTACT_UPDATED" } });
    expect(change.title).toBe("New details from the website: phone +12035550142; another name: Ann Park");
    expect(change.metadata).toMatchObject({ addedPhones: ["+12035550142"], otherName: "Ann Park" });
  });

  it("a phone-only and an e-mail-only contact are joined when a later lead carries both; the merge is recorded and undoable", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const other = await createTenantFixture(db);
    const byPhone = await processWebsiteEvent({
      tenantId: t.tenantId,
      event: leadSubmitted(t.tenantId, { firstName: "Cy", phone: "(203) 555-0177" }, { message: "call me" }),
      db,
    });
    const byEmail = await processWebsiteEvent({ tenantId: t.tenantId, event: leadSubmitted(t.tenantId, { lastName: "Young", email: "cy@example.com" }), db });
    await processWebsiteEvent({ tenantId: other.tenantId, event: leadSubmitted(other.tenantId, { email: "cy@example.com" }), db });
    const both = await processWebsiteEvent({
      tenantId: t.tenantId,
      event: leadSubmitted(t.tenantId, { email: "cy@example.com", phone: "+1 203 555 0177" }),
      db,
    });
    if (byPhone.outcome !== "applied" || byEmail.outcome !== "applied" || both.outcome !== "applied") throw new Error("not applied");
    expect(both.contactId).toBe(byPhone.contactId);
    expect(both.mergedContactIds).toEqual([byEmail.contactId]);
    const survivor = await db.contact.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenantId, id: byPhone.contactId } },
      include: { emails: true, phones: true, leads: true },
    });
    expect(survivor).toMatchObject({ firstName: "Cy", lastName: "Young", email: "cy@example.com", phone: "+12035550177" });
    expect(survivor.leads.map((l) => l.id).sort()).toEqual([byPhone.leadId, byEmail.leadId].sort());
    const audit = await db.tenantAuditLog.findFirstOrThrow({ where: { tenantId: t.tenantId, action: "contact.merged" } });
    expect(audit.detail).toMatchObject({
      survivorId: byPhone.contactId,
      absorbedId: byEmail.contactId,
      reason: { kind: "ingestion", eventId: expect.any(String) },
      filledFields: ["lastName"],
    });
    expect(JSON.stringify(audit.detail)).not.toContain("cy@example.com");
    // The other tenant's contact with the same e-mail is untouched.
    expect(await db.contact.count({ where: { tenantId: other.tenantId, mergedIntoId: null } })).toBe(1);

    const { undoContactMerge } = await import("../src");
    expect(await undoContactMerge({ tenantId: other.tenantId, auditLogId: audit.id, actor: { userId: null }, db })).toEqual({ ok: false, error: "not_found" });
    const undone = await undoContactMerge({ tenantId: t.tenantId, auditLogId: audit.id, actor: { userId: null }, db });
    expect(undone).toMatchObject({ ok: true, restoredId: byEmail.contactId });
    const restored = await db.contact.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenantId, id: byEmail.contactId } },
      include: { emails: true, leads: true },
    });
    expect(restored).toMatchObject({ mergedIntoId: null, email: "cy@example.com", lastName: "Young" });
    expect(restored.leads.map((l) => l.id)).toEqual([byEmail.leadId]);
    const back = await db.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: byPhone.contactId } }, include: { emails: true } });
    expect(back).toMatchObject({ lastName: null, email: null });
    expect(back.emails).toEqual([]);
    expect(await undoContactMerge({ tenantId: t.tenantId, auditLogId: audit.id, actor: { userId: null }, db })).toEqual({ ok: false, error: "already_undone" });
  });
});
