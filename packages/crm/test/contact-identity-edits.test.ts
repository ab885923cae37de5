// A person's other e-mails and phones, edited by hand: add, remove, make primary, each checked
// against the version the editor read, serialised with other writers, and within the tenant.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { addContactIdentity, createContact, listContactIdentities, makeIdentityPrimary, removeContactIdentity, type ContactRow } from "../src";
import { createCrmTenant, type CrmTenant } from "./support/crm-fixtures";

const testDb = useTestDatabase("crmidentities");

describe("editing a contact's e-mails and phones (two tenants)", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "ident-a");
    b = await createCrmTenant(db, "ident-b");
  });

  async function contact(t: CrmTenant, email: string, phone?: string): Promise<ContactRow> {
    const r = await createContact({ tenantId: t.tenantId, input: { firstName: "Pat", email, phone }, actor: { userId: t.ownerUserId } });
    if (!r.created) throw new Error("setup");
    return r.contact;
  }

  it("adds, makes primary and removes, bumping the version each time, with the timeline saying so", async () => {
    const { db } = testDb();
    const c = await contact(a, "pat@example.com", "203-555-0101");
    const actor = { userId: a.agentUserId };
    const added = await addContactIdentity({
      tenantId: a.tenantId,
      contactId: c.id,
      kind: "email",
      value: " Pat.Work@Example.com ",
      actor,
      expectedVersion: c.version,
    });
    expect(added).toMatchObject({ ok: true, changed: true, contact: { email: "pat@example.com", version: c.version + 1 } });
    const phone = await addContactIdentity({ tenantId: a.tenantId, contactId: c.id, kind: "phone", value: "(203) 555-0102 x7", actor });
    expect(phone.ok && phone.contact.phone).toBe("+12035550101");
    let ids = await listContactIdentities({ tenantId: a.tenantId, contactId: c.id });
    expect(ids.emails.map((e) => [e.email, e.isPrimary])).toEqual([
      ["pat@example.com", true],
      ["pat.work@example.com", false],
    ]);
    expect(ids.phones.map((p) => [p.phone, p.extension, p.isPrimary])).toEqual([
      ["+12035550101", null, true],
      ["+12035550102", "7", false],
    ]);
    // Adding one it holds already changes nothing.
    const again = await addContactIdentity({ tenantId: a.tenantId, contactId: c.id, kind: "email", value: "PAT.WORK@example.com", actor });
    expect(again).toMatchObject({ ok: true, changed: false });

    const work = ids.emails[1]!;
    const primary = await makeIdentityPrimary({ tenantId: a.tenantId, contactId: c.id, identityId: work.id, actor });
    expect(primary).toMatchObject({ ok: true, changed: true, contact: { email: "pat.work@example.com" } });
    const mobile = ids.phones[1]!;
    const primaryPhone = await makeIdentityPrimary({ tenantId: a.tenantId, contactId: c.id, identityId: mobile.id, actor });
    expect(primaryPhone).toMatchObject({ ok: true, contact: { phone: "+12035550102", phoneExtension: "7" } });

    // Removing the primary promotes the other one.
    const removed = await removeContactIdentity({ tenantId: a.tenantId, contactId: c.id, identityId: work.id, actor });
    expect(removed).toMatchObject({ ok: true, contact: { email: "pat@example.com" } });
    ids = await listContactIdentities({ tenantId: a.tenantId, contactId: c.id });
    expect(ids.emails.map((e) => [e.email, e.isPrimary])).toEqual([["pat@example.com", true]]);
    const titles = (
      await db.activity.findMany({ where: { tenantId: a.tenantId, contactId: c.id, type: "CONTACT_UPDATED" }, orderBy: { createdAt: "asc" } })
    ).map((x) => x.title);
    expect(titles).toEqual([
      "E-mail address added",
      "Phone number added",
      "Primary e-mail address changed",
      "Primary phone number changed",
      "E-mail address removed",
    ]);
    expect((await db.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: c.id } } })).version).toBe(c.version + 5);
  });

  it("refuses what is not an address or a number, another contact's e-mail or phone, and the last way to reach someone", async () => {
    const c = await contact(a, "solo@example.com");
    const other = await contact(a, "taken@example.com", "203-555-0199");
    const actor = { userId: a.ownerUserId };
    expect(await addContactIdentity({ tenantId: a.tenantId, contactId: c.id, kind: "email", value: "not an address", actor })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { email: expect.any(String) },
    });
    expect(await addContactIdentity({ tenantId: a.tenantId, contactId: c.id, kind: "phone", value: "12", actor })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { phone: expect.any(String) },
    });
    expect(await addContactIdentity({ tenantId: a.tenantId, contactId: c.id, kind: "email", value: "Taken@example.com", actor })).toMatchObject({
      ok: false,
      error: "duplicate",
      matchedOn: "email",
      contact: { id: other.id },
    });
    expect(await addContactIdentity({ tenantId: a.tenantId, contactId: c.id, kind: "phone", value: "+1 203 555 0199", actor })).toMatchObject({
      ok: false,
      error: "duplicate",
      matchedOn: "phone",
    });
    const only = (await listContactIdentities({ tenantId: a.tenantId, contactId: c.id })).emails[0]!;
    expect(await removeContactIdentity({ tenantId: a.tenantId, contactId: c.id, identityId: only.id, actor })).toEqual({ ok: false, error: "last_identity" });
    expect((await listContactIdentities({ tenantId: a.tenantId, contactId: c.id })).emails).toHaveLength(1);
  });

  it("a stale version changes nothing and answers the contact as it is now", async () => {
    const c = await contact(a, "stale@example.com");
    const actor = { userId: a.ownerUserId };
    // Two editors opened version v; both add an e-mail at the same moment: one wins.
    const results = await Promise.all(
      ["first@example.com", "second@example.com"].map((value) =>
        addContactIdentity({ tenantId: a.tenantId, contactId: c.id, kind: "email", value, actor, expectedVersion: c.version }),
      ),
    );
    expect(results.map((r) => (r.ok ? "ok" : r.error)).sort()).toEqual(["ok", "version_mismatch"]);
    const lost = results.find((r) => !r.ok)!;
    expect(lost).toMatchObject({ contact: { id: c.id, version: c.version + 1 } });
    expect((await listContactIdentities({ tenantId: a.tenantId, contactId: c.id })).emails).toHaveLength(2);
    const ids = await listContactIdentities({ tenantId: a.tenantId, contactId: c.id });
    expect(
      await removeContactIdentity({ tenantId: a.tenantId, contactId: c.id, identityId: ids.emails[1]!.id, actor, expectedVersion: c.version }),
    ).toMatchObject({ ok: false, error: "version_mismatch" });
    expect(
      await makeIdentityPrimary({ tenantId: a.tenantId, contactId: c.id, identityId: ids.emails[1]!.id, actor, expectedVersion: c.version }),
    ).toMatchObject({ ok: false, error: "version_mismatch" });
    expect((await listContactIdentities({ tenantId: a.tenantId, contactId: c.id })).emails.map((e) => e.isPrimary)).toEqual([true, false]);
  });

  it("two contacts given the same new e-mail at the same moment: exactly one gets it", async () => {
    const { db } = testDb();
    const [x, y] = [await contact(a, "x@example.com"), await contact(a, "y@example.com")];
    const actor = { userId: a.ownerUserId };
    const results = await Promise.all(
      [x, y, x, y].map((c) => addContactIdentity({ tenantId: a.tenantId, contactId: c.id, kind: "email", value: "shared@example.com", actor })),
    );
    expect(results.filter((r) => r.ok && r.changed)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "duplicate")).toBe(true);
    expect(await db.contactEmail.count({ where: { tenantId: a.tenantId, email: "shared@example.com" } })).toBe(1);
  });

  it("another tenant's contact or identity is not found, and nothing of it changes", async () => {
    const { db } = testDb();
    const mine = await contact(a, "mine@example.com", "203-555-0111");
    const theirs = await contact(b, "theirs@example.com", "203-555-0112");
    const theirIds = await listContactIdentities({ tenantId: b.tenantId, contactId: theirs.id });
    const actor = { userId: a.ownerUserId };
    expect(await addContactIdentity({ tenantId: a.tenantId, contactId: theirs.id, kind: "email", value: "n@example.com", actor })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await removeContactIdentity({ tenantId: a.tenantId, contactId: theirs.id, identityId: theirIds.emails[0]!.id, actor })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await removeContactIdentity({ tenantId: a.tenantId, contactId: mine.id, identityId: theirIds.emails[0]!.id, actor })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await makeIdentityPrimary({ tenantId: a.tenantId, contactId: mine.id, identityId: theirIds.phones[0]!.id, actor })).toEqual({
      ok: false,
      error: "not_found",
    });
    // The same e-mail in another tenant is another person.
    expect(await addContactIdentity({ tenantId: a.tenantId, contactId: mine.id, kind: "email", value: "theirs@example.com", actor })).toMatchObject({
      ok: true,
      changed: true,
    });
    expect((await db.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId: b.tenantId, id: theirs.id } } })).version).toBe(theirs.version);
    expect(await listContactIdentities({ tenantId: b.tenantId, contactId: theirs.id })).toEqual(theirIds);
  });
});
