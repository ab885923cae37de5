// Idempotency-Key on the REST API's POSTs, on the real database, two tenants: the same key and
// request replays the first answer, another request with the key is 409, and concurrent
// duplicates have one effect.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { createApiKey } from "@real-estate/crm";
import * as contactsRoute from "../app/api/contacts/route";
import * as tasksRoute from "../app/api/tasks/route";
import * as webhooksRoute from "../app/api/webhooks/route";
import { call, type Credentials } from "./support/api-client";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("api18_idempotency");

let a: Side;
let b: Side;
beforeAll(async () => {
  ({ a, b } = await setUpTwoTenants(testDb().db));
});

const newKey = () => crypto.randomUUID();
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

const postContact = (side: Side, creds: Credentials, body: unknown, key?: string) =>
  call(contactsRoute.POST, {
    host: side.crmHost,
    path: "/api/contacts",
    method: "POST",
    creds,
    body,
    headers: key === undefined ? {} : { "idempotency-key": key },
  });
const postTask = (side: Side, creds: Credentials, body: unknown, key: string) =>
  call(tasksRoute.POST, { host: side.crmHost, path: "/api/tasks", method: "POST", creds, body, headers: { "idempotency-key": key } });
const tasksTitled = (side: Side, title: string) => testDb().db.task.count({ where: { tenantId: side.tenantId, title } });

describe("Idempotency-Key on POST", () => {
  it("the same key and body replays the first answer without a second effect; another body is 409 and changes nothing", async () => {
    const key = newKey();
    const first = await postContact(a, { bearer: a.apiKey }, { firstName: "Ida", lastName: "Empo", email: "ida@example.com" }, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    // The same body with its keys in another order is the same request.
    const again = await postContact(a, { bearer: a.apiKey }, { email: "ida@example.com", lastName: "Empo", firstName: "Ida" }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("content-type")).toContain("application/json");
    expect(again.headers.get("ratelimit-limit")).toBe("600");
    expect(await testDb().db.contact.count({ where: { tenantId: a.tenantId, email: "ida@example.com" } })).toBe(1);
    const other = await postContact(a, { bearer: a.apiKey }, { firstName: "Ida", email: "other-ida@example.com" }, key);
    expect(other.status).toBe(409);
    expect(other.body.error).toBe("idempotency_conflict");
    expect(await testDb().db.contact.count({ where: { tenantId: a.tenantId, email: "other-ida@example.com" } })).toBe(0);
    // The same key on another route is another request too.
    const elsewhere = await postTask(a, { bearer: a.apiKey }, { kind: "CALL", title: "Elsewhere", dueAt: inHours(1), leadId: a.leadIds[0] }, key);
    expect(elsewhere.status).toBe(409);
    expect(await tasksTitled(a, "Elsewhere")).toBe(0);
  });

  it("concurrent duplicates: one task is created and every duplicate gets its answer", async () => {
    const key = newKey();
    const body = { kind: "CALL", title: "Call once", dueAt: inHours(2), leadId: a.leadIds[1] };
    const answers = await Promise.all(Array.from({ length: 8 }, () => postTask(a, { bearer: a.apiKey }, body, key)));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    expect(answers.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(7);
    expect(await tasksTitled(a, "Call once")).toBe(1);
  });

  it("concurrent requests with one key and different bodies: one effect, the others 409", async () => {
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postTask(a, { cookie: a.ownerCookie }, { kind: "EMAIL", title: `Race ${i}`, dueAt: inHours(3), leadId: a.leadIds[2] }, key),
      ),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409).every((r) => r.body.error === "idempotency_conflict")).toBe(true);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(5);
    expect(await testDb().db.task.count({ where: { tenantId: a.tenantId, title: { startsWith: "Race " } } })).toBe(1);
  });

  it("keys belong to one caller of one tenant: another tenant, or another key, with the same key string runs its own request", async () => {
    const key = newKey();
    const body = { kind: "TEXT", title: "Shared key string", dueAt: inHours(4) };
    const mine = await postTask(a, { bearer: a.apiKey }, { ...body, leadId: a.leadIds[0] }, key);
    expect(mine.status).toBe(201);
    const theirs = await postTask(b, { bearer: b.apiKey }, { ...body, leadId: b.leadIds[0] }, key);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    const secondKey = (await createApiKey({ tenantId: a.tenantId, name: "second", createdByUserId: a.owner.userId })).key;
    const other = await postTask(a, { bearer: secondKey }, { ...body, leadId: a.leadIds[0] }, key);
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(mine.body.id);
    expect(await tasksTitled(a, "Shared key string")).toBe(2);
    expect(await tasksTitled(b, "Shared key string")).toBe(1);
  });

  it("a malformed key is 400 and stores nothing; a refused request does not spend its key", async () => {
    const bad = await postContact(a, { bearer: a.apiKey }, { firstName: "Bad", email: "bad-key@example.com" }, "has spaces in it");
    expect(bad.status).toBe(400);
    expect(bad.body.fields["Idempotency-Key"]).toBeDefined();
    const long = await postContact(a, { bearer: a.apiKey }, { firstName: "Bad", email: "bad-key@example.com" }, "k".repeat(201));
    expect(long.status).toBe(400);
    expect(await testDb().db.contact.count({ where: { tenantId: a.tenantId, email: "bad-key@example.com" } })).toBe(0);
    const key = newKey();
    const refused = await postContact(a, { bearer: a.apiKey }, { firstName: "Fix", email: "not an email" }, key);
    expect(refused.status).toBe(422);
    const fixed = await postContact(a, { bearer: a.apiKey }, { firstName: "Fix", email: "fixed@example.com" }, key);
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get("idempotent-replayed")).toBeNull();
  });

  it("an unauthenticated or unscoped request is refused before its key is looked at", async () => {
    const key = newKey();
    const readOnly = (await createApiKey({ tenantId: a.tenantId, name: "reader", createdByUserId: a.owner.userId, scopes: ["read"] })).key;
    const refused = await postContact(a, { bearer: readOnly }, { firstName: "Scope", email: "scope@example.com" }, key);
    expect(refused.status).toBe(403);
    expect((await postContact(a, { bearer: "rek_wrong" }, { firstName: "Scope", email: "scope@example.com" }, key)).status).toBe(401);
    expect(await testDb().db.apiIdempotencyKey.count({ where: { key } })).toBe(0);
  });

  it("the webhooks POST honours it too: a retried registration gives the same endpoint, not a second one", async () => {
    const key = newKey();
    const body = { url: "https://hooks.example.com/idem", events: ["lead.created"] };
    const create = () =>
      call(webhooksRoute.POST, {
        host: b.crmHost,
        path: "/api/webhooks",
        method: "POST",
        creds: { bearer: b.apiKey },
        body,
        headers: { "idempotency-key": key },
      });
    const [one, two] = await Promise.all([create(), create()]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.id).toBe(two.body.id);
    expect(await testDb().db.webhookEndpoint.count({ where: { tenantId: b.tenantId, url: body.url } })).toBe(1);
  });
});
