import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import * as contactRoute from "../app/api/contacts/[contactId]/route";
import * as identitiesRoute from "../app/api/contacts/[contactId]/identities/route";
import * as mergeRoute from "../app/api/contacts/[contactId]/merge/route";
import * as undoRoute from "../app/api/contact-merges/[auditLogId]/undo/route";
import * as exportRoute from "../app/api/contacts/[contactId]/export/route";
import * as eraseRoute from "../app/api/contacts/[contactId]/erase/route";
import { call, type Credentials } from "./support/api-client";
import { agent, key, owner, setUpTwoTenants, withIfMatch, type Side } from "./support/two-tenants";

// The REST face of what only a signed-in owner does to a contact: export, erasure, merging two
// contacts and undoing it. An API key is refused as a key, If-Match guards the survivor, and
// another brokerage's contact answers 404 exactly like a missing one. A contact's e-mails and
// phones: api-contact-identities.test.ts.
const testDb = useTestDatabase("crmapicontactmerges");

type Identities = { emails: { email: string }[] };

describe("REST contact export, erasure, merge and undo (two tenants)", () => {
  let a: Side;
  let b: Side;
  beforeAll(async () => {
    ({ a, b } = await setUpTwoTenants(testDb().db));
  });

  const list = (side: Side, contactId: string, creds = agent(side)) =>
    call(identitiesRoute.GET, { host: side.crmHost, path: `/api/contacts/${contactId}/identities`, creds, params: { contactId } });
  const contact = (side: Side, contactId: string) =>
    call(contactRoute.GET, { host: side.crmHost, path: `/api/contacts/${contactId}`, creds: agent(side), params: { contactId } });

  it("export, erase, merge and undo are a signed-in owner's: a key gets 403 session_required, a key beside a cookie is the key's call", async () => {
    const { db } = testDb();
    const [ann, al, amy] = a.contactIds as [string, string, string];
    const send = (creds: Credentials) => [
      call(exportRoute.GET, { host: a.crmHost, path: `/api/contacts/${ann}/export`, creds, params: { contactId: ann } }),
      call(eraseRoute.POST, { host: a.crmHost, path: `/api/contacts/${ann}/erase`, method: "POST", creds, params: { contactId: ann } }),
      call(mergeRoute.POST, {
        host: a.crmHost,
        path: `/api/contacts/${al}/merge`,
        method: "POST",
        creds,
        body: { contactId: amy },
        params: { contactId: al },
      }),
      call(undoRoute.POST, { host: a.crmHost, path: `/api/contact-merges/${ann}/undo`, method: "POST", creds, params: { auditLogId: ann } }),
    ];
    // The brokerage's own key: refused as a key (it was 401 `unauthenticated`, as if it were no credential at all).
    for (const r of await Promise.all(send(key(a)))) expect(r).toMatchObject({ status: 403, body: { error: "session_required" } });
    // An Authorization header means an API key's call, which never reads a session (and skips the
    // proxy): a bad key or another brokerage's beside the owner's cookie is a bad key (it was the owner's call).
    for (const bearer of ["not-a-key", b.apiKey]) {
      for (const r of await Promise.all(send({ ...owner(a), bearer }))) expect(r).toMatchObject({ status: 401, body: { error: "invalid_api_key" } });
    }
    expect(await db.contact.count({ where: { id: { in: [ann, al, amy] }, mergedIntoId: null } })).toBe(3);
    // The owner's session call is counted against the member's API limit like any other (it said nothing of it before).
    const exported = await call(exportRoute.GET, { host: a.crmHost, path: `/api/contacts/${ann}/export`, creds: owner(a), params: { contactId: ann } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("ratelimit-limit")).not.toBeNull();
  });

  it("merge and undo over the API: owners only, If-Match on the survivor, 404 across tenants", async () => {
    const { db } = testDb();
    const [, al, amy] = a.contactIds as [string, string, string];
    const merge = (side: Side, survivor: string, body: unknown, options: { creds?: Credentials; ifMatch?: string | null } = {}) =>
      call(mergeRoute.POST, {
        host: side.crmHost,
        path: `/api/contacts/${survivor}/merge`,
        method: "POST",
        creds: options.creds ?? owner(side),
        body,
        params: { contactId: survivor },
        ...withIfMatch(options.ifMatch),
      });
    const undo = (side: Side, auditLogId: string, creds = owner(side)) =>
      call(undoRoute.POST, { host: side.crmHost, path: `/api/contact-merges/${auditLogId}/undo`, method: "POST", creds, params: { auditLogId } });

    const read = await contact(a, al);
    expect((await merge(a, al, { contactId: amy }, { creds: agent(a) })).status).toBe(404);
    expect((await merge(b, al, { contactId: amy })).status).toBe(404);
    expect((await merge(a, al, { contactId: amy }, { creds: owner(b) })).status).toBe(404);
    expect((await merge(a, al, { contactId: b.contactIds[0] })).status).toBe(404);
    expect((await merge(a, al, { contactId: al })).status).toBe(422);
    expect((await merge(a, al, { contactId: "nope" })).status).toBe(422);
    expect((await merge(a, al, { contactId: amy, extra: 1 })).status).toBe(422);
    expect((await merge(a, al, { contactId: amy }, { ifMatch: `"v${read.body.version - 1}"` })).status).toBe(412);
    expect((await db.contact.findFirstOrThrow({ where: { id: amy } })).mergedIntoId).toBeNull();

    const merged = await merge(a, al, { contactId: amy }, { ifMatch: read.headers.get("etag") });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ ok: true, survivorId: al, absorbedId: amy, moved: { leads: 1 } });
    expect(merged.headers.get("etag")).toBe(`"v${(await contact(a, al)).body.version}"`);
    expect(((await list(a, al)).body as Identities).emails.map((e) => e.email)).toContain("amy@example.com");
    expect((await list(a, amy)).status).toBe(404);
    expect((await merge(a, al, { contactId: amy })).status).toBe(422);

    const auditLogId = merged.body.auditLogId as string;
    expect((await undo(b, auditLogId)).status).toBe(404);
    expect((await undo(a, auditLogId, owner(b))).status).toBe(404);
    expect((await undo(a, auditLogId, agent(a))).status).toBe(404);
    const undone = await undo(a, auditLogId);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ ok: true, survivorId: al, restoredId: amy });
    expect(((await list(a, amy)).body as Identities).emails.map((e) => e.email)).toContain("amy@example.com");
    expect(((await list(a, al)).body as Identities).emails.map((e) => e.email)).not.toContain("amy@example.com");
    expect((await undo(a, auditLogId)).status).toBe(422);
  });
});
