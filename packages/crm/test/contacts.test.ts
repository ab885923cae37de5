import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { createContact, getContact, listContacts, updateContact, createLead, type Keyset } from "../src";
import { createCrmTenant, type CrmTenant } from "./support/crm-fixtures";

const testDb = useTestDatabase("crmcontacts");

describe("CRM contacts (two tenants)", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "contacts-a");
    b = await createCrmTenant(db, "contacts-b");
  });

  it("creates a contact, optionally with a lead, and records who did it", async () => {
    const { db } = testDb();
    const res = await createContact({
      tenantId: a.tenantId,
      input: { firstName: " Ana ", lastName: "Ruiz", email: "Ana.Ruiz@Example.com", phone: "(203) 555-0199" },
      openLead: { message: "Met at open house" },
      actor: { userId: a.agentUserId },
    });
    expect(res.created).toBe(true);
    if (!res.created) return;
    expect(res.contact).toMatchObject({ firstName: "Ana", email: "ana.ruiz@example.com", phone: "+12035550199", source: "manual" });
    expect(res.leadId).toBeTruthy();
    const lead = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: res.leadId! } } });
    expect(lead).toMatchObject({ source: "manual", status: "NEW", message: "Met at open house" });
    const act = await db.activity.findFirstOrThrow({ where: { tenantId: a.tenantId, contactId: res.contact.id } });
    expect(act).toMatchObject({ type: "CONTACT_CREATED", actorUserId: a.agentUserId });
  });

  it("offers the existing contact instead of creating a duplicate (email or phone)", async () => {
    const { db } = testDb();
    const byEmail = await createContact({
      tenantId: a.tenantId,
      input: { firstName: "Other", email: "ANA.RUIZ@example.com" },
      actor: { userId: a.ownerUserId },
    });
    expect(byEmail).toMatchObject({ created: false, matchedOn: "email", contact: { firstName: "Ana" } });
    const byPhone = await createContact({ tenantId: a.tenantId, input: { firstName: "Other", phone: "203.555.0199" }, actor: { userId: a.ownerUserId } });
    expect(byPhone).toMatchObject({ created: false, matchedOn: "phone", contact: { firstName: "Ana" } });
    expect(await db.contact.count({ where: { tenantId: a.tenantId } })).toBe(1);
    // The same person is a separate contact in another tenant.
    const inB = await createContact({ tenantId: b.tenantId, input: { firstName: "Ana", email: "ana.ruiz@example.com" }, actor: { userId: b.ownerUserId } });
    expect(inB.created).toBe(true);
  });

  it("edits a contact, refusing another contact's email, and hides other tenants' contacts", async () => {
    const first = await listContacts({ tenantId: a.tenantId });
    const ana = first.items[0]!;
    const bob = await createContact({ tenantId: a.tenantId, input: { firstName: "Bob", email: "bob@example.com" }, actor: { userId: a.ownerUserId } });
    if (!bob.created) throw new Error("bob not created");
    const clash = await updateContact({
      tenantId: a.tenantId,
      contactId: bob.contact.id,
      input: { email: "ana.ruiz@example.com" },
      actor: { userId: a.ownerUserId },
    });
    expect(clash).toMatchObject({ ok: false, error: "duplicate", matchedOn: "email", contact: { id: ana.id } });
    const ok = await updateContact({
      tenantId: a.tenantId,
      contactId: bob.contact.id,
      input: { lastName: "Stone", phone: "" },
      actor: { userId: a.agentUserId },
    });
    expect(ok).toMatchObject({ ok: true, changedFields: ["lastName"], contact: { lastName: "Stone", phone: null } });
    const bContact = (await listContacts({ tenantId: b.tenantId })).items[0]!;
    expect(await updateContact({ tenantId: a.tenantId, contactId: bContact.id, input: { firstName: "X" }, actor: { userId: a.ownerUserId } })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await getContact({ tenantId: a.tenantId, contactId: bContact.id })).toBeNull();
    expect(await getContact({ tenantId: a.tenantId, contactId: "not-a-uuid" })).toBeNull();
    expect(await createLead({ tenantId: a.tenantId, contactId: bContact.id, source: "manual", actor: { userId: a.ownerUserId } })).toBeNull();
    const detail = await getContact({ tenantId: a.tenantId, contactId: ana.id });
    expect(detail?.leads).toHaveLength(1);
  });

  it("searches and pages contacts within the tenant", async () => {
    for (let i = 0; i < 7; i++) {
      await createContact({
        tenantId: a.tenantId,
        input: { firstName: `Page${i}`, lastName: "Person", email: `p${i}@example.com` },
        actor: { userId: a.ownerUserId },
      });
    }
    const seen: string[] = [];
    let cursor: Keyset | undefined;
    do {
      const page = await listContacts({ tenantId: a.tenantId, limit: 4, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect((await listContacts({ tenantId: a.tenantId, q: "page3" })).items.map((c) => c.firstName)).toEqual(["Page3"]);
    expect((await listContacts({ tenantId: b.tenantId, q: "page" })).items).toHaveLength(0);
  });
});
