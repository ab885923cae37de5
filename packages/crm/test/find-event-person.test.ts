import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { findDuplicateContact } from "../src/contacts/find-duplicate-contact";
import { acceptPartnerEvent, findEventPerson, ZPartnerEventBody } from "../src/partner-events";
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
    ids.older = (await contact(a.tenantId, { first: "Older", phones: ["+16172530001"], createdAt: new Date("2026-01-01T00:00:00Z") })).id;
    ids.newer = (
      await contact(a.tenantId, { first: "Newer", emails: ["newer@example.test"], phones: ["+16172530001"], createdAt: new Date("2026-02-01T00:00:00Z") })
    ).id;
    const survivor = await contact(a.tenantId, { first: "Survivor", createdAt: new Date("2026-03-01T00:00:00Z") });
    ids.survivor = survivor.id;
    ids.merged = (
      await contact(a.tenantId, {
        first: "Merged",
        emails: ["merged@example.test"],
        phones: ["+16172530009"],
        createdAt: new Date("2025-12-01T00:00:00Z"),
        mergedIntoId: survivor.id,
      })
    ).id;
    ids.bob = (
      await contact(b.tenantId, { first: "Bob", emails: ["ann@example.test"], phones: ["+16172530001"], createdAt: new Date("2025-01-01T00:00:00Z") })
    ).id;
  });

  const cases: { name: string; tenant: () => CrmTenant; email: string | null; phone: string | null; expected: string | null }[] = [
    { name: "primary e-mail", tenant: () => a, email: "ann@example.test", phone: null, expected: "ann" },
    { name: "second e-mail", tenant: () => a, email: "ann.work@example.test", phone: null, expected: "ann" },
    { name: "phone: the oldest holder", tenant: () => a, email: null, phone: "+16172530001", expected: "older" },
    { name: "e-mail before phone", tenant: () => a, email: "newer@example.test", phone: "+16172530001", expected: "newer" },
    { name: "unknown e-mail, known phone", tenant: () => a, email: "nobody@example.test", phone: "+16172530001", expected: "older" },
    { name: "merged contact never", tenant: () => a, email: "merged@example.test", phone: "+16172530009", expected: null },
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

  // The events API reads the same contact in its enqueue statement (decision 0049).
  for (const c of cases.filter((c) => c.email || c.phone)) {
    it(`${c.name}: acceptPartnerEvent queues the event and answers with the contact findEventPerson finds`, async () => {
      const { db } = testDb();
      const { tenantId } = c.tenant();
      const sent = {
        type: "Registration",
        person: {
          firstName: "Incoming",
          ...(c.email && { emails: [{ value: c.email }] }),
          ...(c.phone && { phones: [{ value: c.phone }] }),
        },
      };
      const result = await acceptPartnerEvent({ tenantId, body: ZPartnerEventBody.parse(sent), sent, idempotencyKey: null, country: "US", db });
      if (!result.ok) throw new Error(`not accepted: ${JSON.stringify(result)}`);
      const reference = await findEventPerson({ tenantId, email: c.email, phone: c.phone, db });
      expect(result.contact).toEqual(reference);
      expect(result.contact?.id ?? null).toBe(c.expected ? ids[c.expected] : null);
      expect(result.status).toBe(reference ? 200 : 201);
      expect(result.replayed).toBe(false);
      const job = await db.ingestionJob.findFirst({ where: { tenantId, eventId: result.eventId } });
      expect(job?.eventType).toBe("lead.received");
      // A repeat of the same request (same event id), sent twice, stores nothing new and finds the same contact.
      const repeat = { ...sent, id: result.eventId };
      const sendRepeat = () => acceptPartnerEvent({ tenantId, body: ZPartnerEventBody.parse(repeat), sent: repeat, idempotencyKey: null, country: "US", db });
      const again = await sendRepeat();
      if (!again.ok) throw new Error(`not accepted: ${JSON.stringify(again)}`);
      const replay = await sendRepeat();
      if (!replay.ok) throw new Error(`not accepted: ${JSON.stringify(replay)}`);
      expect(replay.replayed).toBe(true);
      expect(replay.status).toBe(200);
      expect(replay.contact).toEqual(reference);
      expect(await db.ingestionJob.count({ where: { tenantId, eventId: again.eventId } })).toBe(1);
    });
  }
});
