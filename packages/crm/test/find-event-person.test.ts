import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { findDuplicateContact } from "../src/contacts/find-duplicate-contact";
import { findEventPerson } from "../src/partner-events";
import { createCrmTenant, type CrmTenant } from "./support/crm-fixtures";

const testDb = useTestDatabase("crmeventperson");

async function contact(tenantId: string, o: { first: string; emails?: string[]; phones?: string[]; createdAt: Date; mergedIntoId?: string }) {
  const { db } = testDb();
  const c = await db.contact.create({
    data: {
      tenantId,
      firstName: o.first,
      lastName: "Person",
      email: o.emails?.[0] ?? null,
      phone: o.phones?.[0] ?? null,
      source: "test",
      createdAt: o.createdAt,
      mergedIntoId: o.mergedIntoId ?? null,
    },
  });
  // The contact's own email and phone columns are mirrored into its identities by the database.
  await db.contactEmail.createMany({
    data: (o.emails ?? []).map((email, i) => ({ tenantId, contactId: c.id, email, isPrimary: i === 0, source: "test" })),
    skipDuplicates: true,
  });
  await db.contactPhone.createMany({
    data: (o.phones ?? []).map((phone, i) => ({ tenantId, contactId: c.id, phone, isPrimary: i === 0, source: "test" })),
    skipDuplicates: true,
  });
  return c;
}

describe("findEventPerson: the contact an events-API request lands on (two tenants)", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "evp-a");
    b = await createCrmTenant(db, "evp-b");
    ids.ann = (
      await contact(a.tenantId, { first: "Ann", emails: ["ann@example.test", "ann.work@example.test"], createdAt: new Date("2026-01-02T03:04:05.678Z") })
    ).id;
    ids.older = (await contact(a.tenantId, { first: "Older", phones: ["+15551230001"], createdAt: new Date("2026-01-01T00:00:00Z") })).id;
    ids.newer = (
      await contact(a.tenantId, { first: "Newer", emails: ["newer@example.test"], phones: ["+15551230001"], createdAt: new Date("2026-02-01T00:00:00Z") })
    ).id;
    const survivor = await contact(a.tenantId, { first: "Survivor", createdAt: new Date("2026-03-01T00:00:00Z") });
    ids.survivor = survivor.id;
    ids.merged = (
      await contact(a.tenantId, {
        first: "Merged",
        emails: ["merged@example.test"],
        phones: ["+15551230009"],
        createdAt: new Date("2025-12-01T00:00:00Z"),
        mergedIntoId: survivor.id,
      })
    ).id;
    ids.bob = (
      await contact(b.tenantId, { first: "Bob", emails: ["ann@example.test"], phones: ["+15551230001"], createdAt: new Date("2025-01-01T00:00:00Z") })
    ).id;
  });

  const cases: { name: string; tenant: () => CrmTenant; email: string | null; phone: string | null; expected: string | null }[] = [
    { name: "primary e-mail", tenant: () => a, email: "ann@example.test", phone: null, expected: "ann" },
    { name: "second e-mail", tenant: () => a, email: "ann.work@example.test", phone: null, expected: "ann" },
    { name: "phone: the oldest holder", tenant: () => a, email: null, phone: "+15551230001", expected: "older" },
    { name: "e-mail before phone", tenant: () => a, email: "newer@example.test", phone: "+15551230001", expected: "newer" },
    { name: "unknown e-mail, known phone", tenant: () => a, email: "nobody@example.test", phone: "+15551230001", expected: "older" },
    { name: "merged contact never", tenant: () => a, email: "merged@example.test", phone: "+15551230009", expected: null },
    { name: "the other tenant's own contact", tenant: () => b, email: "ann@example.test", phone: null, expected: "bob" },
    { name: "nothing to match on", tenant: () => a, email: null, phone: null, expected: null },
  ];

  for (const c of cases) {
    it(`${c.name}: the same contact as findDuplicateContact, with its stored fields`, async () => {
      const { db } = testDb();
      const { tenantId } = c.tenant();
      const found = await findEventPerson({ tenantId, email: c.email, phone: c.phone, db });
      const reference = (await findDuplicateContact({ tenantId, email: c.email, phone: c.phone, db }))?.contact ?? null;
      expect(found?.id ?? null).toBe(c.expected ? ids[c.expected] : null);
      expect(found?.id ?? null).toBe(reference?.id ?? null);
      if (found && reference) {
        expect(found).toEqual({
          id: reference.id,
          firstName: reference.firstName,
          lastName: reference.lastName,
          email: reference.email,
          phone: reference.phone,
          source: reference.source,
          createdAt: reference.createdAt,
          updatedAt: reference.updatedAt,
        });
      }
    });
  }
});
