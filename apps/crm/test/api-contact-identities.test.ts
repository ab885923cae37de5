import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import * as contactRoute from "../app/api/contacts/[contactId]/route";
import * as identitiesRoute from "../app/api/contacts/[contactId]/identities/route";
import * as identityRoute from "../app/api/contacts/[contactId]/identities/[identityId]/route";
import * as primaryRoute from "../app/api/contacts/[contactId]/identities/[identityId]/primary/route";
import { call, type Credentials } from "./support/api-client";
import { agent, key, owner, setUpTwoTenants, withIfMatch, type Side } from "./support/two-tenants";

// The REST face of a contact's e-mails and phones (add, make primary, remove): If-Match on every
// write, 4xx with nothing changed for bad input, and another brokerage's contact answers 404
// exactly like a missing one. Merging, undoing, export and erasure: api-contact-merges.test.ts.
const testDb = useTestDatabase("crmapiidentities");

type Identities = {
  contactId: string;
  version: number;
  emails: { id: string; email: string; isPrimary: boolean; source: string }[];
  phones: { id: string; phone: string; extension: string | null; isPrimary: boolean; source: string }[];
};

describe("REST /api/contacts/{id}/identities (two tenants)", () => {
  let a: Side;
  let b: Side;
  beforeAll(async () => {
    ({ a, b } = await setUpTwoTenants(testDb().db));
  });

  const list = (side: Side, contactId: string, creds = agent(side)) =>
    call(identitiesRoute.GET, { host: side.crmHost, path: `/api/contacts/${contactId}/identities`, creds, params: { contactId } });
  const add = (side: Side, contactId: string, body: unknown, options: { creds?: Credentials; ifMatch?: string | null; rawBody?: string } = {}) =>
    call(identitiesRoute.POST, {
      host: side.crmHost,
      path: `/api/contacts/${contactId}/identities`,
      method: "POST",
      creds: options.creds ?? agent(side),
      body,
      rawBody: options.rawBody,
      params: { contactId },
      ...withIfMatch(options.ifMatch),
    });
  const remove = (side: Side, contactId: string, identityId: string, options: { creds?: Credentials; ifMatch?: string | null } = {}) =>
    call(identityRoute.DELETE, {
      host: side.crmHost,
      path: `/api/contacts/${contactId}/identities/${identityId}`,
      method: "DELETE",
      creds: options.creds ?? agent(side),
      params: { contactId, identityId },
      ...withIfMatch(options.ifMatch),
    });
  const makePrimary = (side: Side, contactId: string, identityId: string, options: { creds?: Credentials; ifMatch?: string | null } = {}) =>
    call(primaryRoute.POST, {
      host: side.crmHost,
      path: `/api/contacts/${contactId}/identities/${identityId}/primary`,
      method: "POST",
      creds: options.creds ?? agent(side),
      params: { contactId, identityId },
      ...withIfMatch(options.ifMatch),
    });
  const contact = (side: Side, contactId: string) =>
    call(contactRoute.GET, { host: side.crmHost, path: `/api/contacts/${contactId}`, creds: agent(side), params: { contactId } });
  const counts = async (contactId: string) => {
    const { db } = testDb();
    const [emails, phones, c] = await Promise.all([
      db.contactEmail.count({ where: { contactId } }),
      db.contactPhone.count({ where: { contactId } }),
      db.contact.findFirstOrThrow({ where: { id: contactId }, select: { version: true, email: true, phone: true } }),
    ]);
    return { emails, phones, ...c };
  };

  it("GET lists every e-mail and phone with ids, source and the contact's version as ETag; other tenants get 404", async () => {
    const ann = a.contactIds[0]!;
    const res = await list(a, ann);
    expect(res.status).toBe(200);
    const body = res.body as Identities;
    expect(res.headers.get("etag")).toBe(`"v${body.version}"`);
    expect(body.emails).toEqual([expect.objectContaining({ email: "ann@example.com", isPrimary: true, source: "valuation" })]);
    expect(body.phones).toEqual([expect.objectContaining({ phone: "+12035550001", extension: null, isPrimary: true })]);
    expect((await list(a, ann, key(a))).status).toBe(200);
    expect((await list(a, ann, {})).status).toBe(401);
    expect((await list(a, ann, owner(b))).status).toBe(404);
    expect((await list(b, ann)).status).toBe(404);
    expect((await list(b, ann, key(b))).status).toBe(404);
    expect((await list(a, "not-a-uuid")).status).toBe(404);
  });

  it("POST adds an e-mail or phone (201), repeats change nothing (200), bad input is 422 and stores nothing", async () => {
    const al = a.contactIds[1]!;
    const before = await list(a, al);
    const added = await add(a, al, { kind: "email", value: "Al.Work@Example.com" }, { ifMatch: before.headers.get("etag") });
    expect(added.status).toBe(201);
    const body = added.body as Identities;
    expect(body.emails.map((e) => [e.email, e.isPrimary, e.source])).toEqual([
      ["al@example.com", true, "website_contact"],
      ["al.work@example.com", false, "manual"],
    ]);
    expect(body.version).toBe((before.body as Identities).version + 1);
    expect(added.headers.get("etag")).toBe(`"v${body.version}"`);

    const again = await add(a, al, { kind: "email", value: "al.work@example.com" });
    expect([again.status, (again.body as Identities).version]).toEqual([200, body.version]);

    const phone = await add(a, al, { kind: "phone", value: "(203) 555-0142 x12" }, { creds: key(a) });
    expect(phone.status).toBe(201);
    // Al had no phone: the first one becomes primary and shows on the contact.
    expect((phone.body as Identities).phones).toEqual([expect.objectContaining({ phone: "+12035550142", extension: "12", isPrimary: true, source: "manual" })]);
    expect((await contact(a, al)).body).toMatchObject({ phone: "+12035550142", phoneExtension: "12", email: "al@example.com" });

    const unchanged = await counts(al);
    for (const bad of [
      {},
      { kind: "email", value: "not-an-email" },
      { kind: "phone", value: "12" },
      { kind: "phone", value: "" },
      { kind: "fax", value: "203 555 0100" },
      { kind: "email", value: "x@example.com", isPrimary: true },
      { kind: "email", value: `${"x".repeat(250)}@example.com` },
      { kind: "phone", value: "203\u0000555" },
    ]) {
      const res = await add(a, al, bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.body.error).toBe("validation_failed");
    }
    expect((await add(a, al, undefined, { rawBody: "{oops" })).status).toBe(400);
    expect(await counts(al)).toEqual(unchanged);
  });

  it("POST refuses a value another contact holds (409 naming it), a stale If-Match (412) and another tenant's contact (404)", async () => {
    const al = a.contactIds[1]!;
    const amy = a.contactIds[2]!;
    const dupe = await add(a, al, { kind: "email", value: "AMY@example.com" });
    expect(dupe.status).toBe(409);
    expect(dupe.body).toMatchObject({ error: "duplicate_contact", matchedOn: "email", existing: { id: amy } });
    const dupePhone = await add(a, amy, { kind: "phone", value: "203-555-0001" });
    expect(dupePhone.body).toMatchObject({ error: "duplicate_contact", matchedOn: "phone", existing: { id: a.contactIds[0] } });

    const read = await list(a, al);
    const first = await add(a, al, { kind: "email", value: "al.first@example.com" }, { ifMatch: read.headers.get("etag") });
    expect(first.status).toBe(201);
    const stale = await add(a, al, { kind: "email", value: "al.second@example.com" }, { ifMatch: read.headers.get("etag"), creds: owner(a) });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toBe("precondition_failed");
    expect(stale.body.current.emails.map((e: { email: string }) => e.email)).toContain("al.first@example.com");
    expect(stale.headers.get("etag")).toBe(first.headers.get("etag"));
    expect((await add(a, al, { kind: "email", value: "al.third@example.com" }, { ifMatch: 'W/"v1"' })).status).toBe(412);
    const emails = (await list(a, al)).body.emails.map((e: { email: string }) => e.email);
    expect(emails).not.toContain("al.second@example.com");
    expect(emails).not.toContain("al.third@example.com");

    // B's members and keys cannot reach A's contact, and B's own Ann is untouched by A's edits.
    const unchanged = await counts(al);
    expect((await add(b, al, { kind: "email", value: "intruder@example.com" })).status).toBe(404);
    expect((await add(b, al, { kind: "email", value: "intruder@example.com" }, { creds: key(b) })).status).toBe(404);
    expect((await add(a, al, { kind: "email", value: "intruder@example.com" }, { creds: owner(b) })).status).toBe(404);
    expect(await counts(al)).toEqual(unchanged);
    // The same e-mail in another brokerage is not a duplicate.
    expect((await add(b, b.contactIds[0]!, { kind: "email", value: "al.first@example.com" })).status).toBe(201);
  });

  it("two writers add at once with the same ETag: exactly one succeeds, the other gets 412", async () => {
    const amy = a.contactIds[2]!;
    const etag = (await list(a, amy)).headers.get("etag");
    const results = await Promise.all([
      add(a, amy, { kind: "email", value: "amy.one@example.com" }, { ifMatch: etag }),
      add(a, amy, { kind: "phone", value: "203 555 0177" }, { ifMatch: etag, creds: owner(a) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 412]);
    const now = (await list(a, amy)).body as Identities;
    expect(now.emails.length + now.phones.length).toBe(2);
  });

  it("primary and DELETE: make another primary, remove the primary (the other takes over), never the last one", async () => {
    const al = a.contactIds[1]!;
    const start = (await list(a, al)).body as Identities;
    const work = start.emails.find((e) => e.email === "al.work@example.com")!;
    const stale = `"v${start.version - 1}"`;
    expect((await makePrimary(a, al, work.id, { ifMatch: stale })).status).toBe(412);
    expect((await makePrimary(b, al, work.id)).status).toBe(404);
    expect((await makePrimary(a, al, work.id, { creds: owner(b) })).status).toBe(404);
    expect((await contact(a, al)).body.email).toBe("al@example.com");

    const promoted = await makePrimary(a, al, work.id, { ifMatch: `"v${start.version}"` });
    expect(promoted.status).toBe(200);
    expect((promoted.body as Identities).emails[0]).toMatchObject({ email: "al.work@example.com", isPrimary: true });
    expect((await contact(a, al)).body.email).toBe("al.work@example.com");
    expect((await makePrimary(a, al, work.id)).status).toBe(200);

    // An identity of another contact is not this contact's: 404.
    const annEmail = ((await list(a, a.contactIds[0]!)).body as Identities).emails[0]!;
    expect((await makePrimary(a, al, annEmail.id)).status).toBe(404);
    expect((await remove(a, al, annEmail.id)).status).toBe(404);
    expect((await remove(a, al, "not-a-uuid")).status).toBe(404);

    const unchanged = await counts(al);
    expect((await remove(b, al, work.id)).status).toBe(404);
    expect((await remove(a, al, work.id, { ifMatch: stale })).status).toBe(412);
    expect(await counts(al)).toEqual(unchanged);

    const removed = await remove(a, al, work.id, { creds: key(a) });
    expect(removed.status).toBe(200);
    const after = removed.body as Identities;
    expect(after.emails.map((e) => e.email)).not.toContain("al.work@example.com");
    expect(after.emails.filter((e) => e.isPrimary)).toHaveLength(1);
    expect((await contact(a, al)).body.email).toBe(after.emails.find((e) => e.isPrimary)!.email);

    // Ann of tenant B has one e-mail and no phone: it cannot be removed.
    const bAnn = b.contactIds[0]!;
    const bIds = (await list(b, bAnn)).body as Identities;
    for (const e of bIds.emails.slice(1)) expect((await remove(b, bAnn, e.id)).status).toBe(200);
    const last = await remove(b, bAnn, bIds.emails[0]!.id);
    expect(last.status).toBe(409);
    expect(last.body.error).toBe("last_identity");
    expect((await counts(bAnn)).emails).toBe(1);
  });
});
