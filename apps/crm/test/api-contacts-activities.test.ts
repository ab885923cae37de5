import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import * as contactsRoute from "../app/api/contacts/route";
import * as activitiesRoute from "../app/api/activities/route";
import * as sessionRoute from "../app/api/auth/session/route";
import * as openapiRoute from "../app/api/openapi.json/route";
import * as authRoute from "../app/api/auth/[...all]/route";
import { clerkTestMode } from "@real-estate/auth/testing";
import { call, type Credentials } from "./support/api-client";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("crmapicontacts");

describe("REST /api/contacts, /api/activities, /api/auth/session (two tenants)", () => {
  let a: Side;
  let b: Side;
  beforeAll(async () => {
    ({ a, b } = await setUpTwoTenants(testDb().db));
  });

  const contacts = (host: string, creds: Credentials, query = "") => call(contactsRoute.GET, { host, path: `/api/contacts${query}`, creds });
  const createContact = (host: string, creds: Credentials, body: unknown, rawBody?: string) =>
    call(contactsRoute.POST, { host, path: "/api/contacts", method: "POST", creds, body, rawBody });
  const activities = (host: string, creds: Credentials, query = "") => call(activitiesRoute.GET, { host, path: `/api/activities${query}`, creds });
  const logActivity = (host: string, creds: Credentials, body: unknown, rawBody?: string) =>
    call(activitiesRoute.POST, { host, path: "/api/activities", method: "POST", creds, body, rawBody });

  it("GET /api/contacts: A's owner, agent and key list and search A's contacts only", async () => {
    for (const creds of [{ cookie: a.ownerCookie }, { cookie: a.agentCookie }, { bearer: a.apiKey }]) {
      const res = await contacts(a.crmHost, creds);
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: { id: string }) => c.id).sort()).toEqual([...a.contactIds].sort());
    }
    const search = await contacts(a.crmHost, { cookie: a.agentCookie }, "?q=archer");
    expect(search.body.items).toHaveLength(1);
    expect(search.body.items[0]).toMatchObject({ email: "ann@example.com", leadCount: 1 });
    const bList = await contacts(b.crmHost, { cookie: b.agentCookie }, "?q=archer");
    expect(bList.body.items.map((c: { id: string }) => c.id)).toEqual(b.contactIds);
    const paged = await contacts(a.crmHost, { bearer: a.apiKey }, "?limit=2");
    expect(paged.body.items).toHaveLength(2);
    const rest = await contacts(a.crmHost, { bearer: a.apiKey }, `?limit=2&cursor=${paged.body.nextCursor}`);
    expect(rest.body.items).toHaveLength(1);
    expect((await contacts(a.crmHost, {})).status).toBe(401);
    expect((await contacts(a.crmHost, { bearer: b.apiKey })).status).toBe(401);
    expect((await contacts(a.crmHost, { cookie: b.ownerCookie })).status).toBe(404);
    expect((await contacts(a.crmHost, { cookie: a.ownerCookie }, "?sort=name")).status).toBe(400);
    expect((await contacts(a.crmHost, { cookie: a.ownerCookie }, "?limit=500")).status).toBe(400);
  });

  it("POST /api/contacts: creates (201), offers the duplicate (409), refuses bad input (4xx) without writing", async () => {
    const { db } = testDb();
    const created = await createContact(
      a.crmHost,
      { cookie: a.agentCookie },
      { firstName: "Nina", lastName: "North", email: "Nina@Example.com", phone: "203 555 0199", openLead: { message: "3 bed" } },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ firstName: "Nina", email: "nina@example.com", phone: "+12035550199", source: "manual" });
    expect(created.body.leadId).toBeTruthy();
    const viaKey = await createContact(a.crmHost, { bearer: a.apiKey }, { email: "keyed@example.com" });
    expect(viaKey.status).toBe(201);
    expect(viaKey.body.source).toBe("api");
    const dupe = await createContact(a.crmHost, { cookie: a.ownerCookie }, { firstName: "N", phone: "(203) 555-0199" });
    expect(dupe.status).toBe(409);
    expect(dupe.body).toMatchObject({ error: "duplicate_contact", matchedOn: "phone", existing: { id: created.body.id } });
    // B has its own Ann Archer; creating Nina in B is not a duplicate of A's Nina.
    expect((await createContact(b.crmHost, { cookie: b.ownerCookie }, { email: "nina@example.com", firstName: "Nina" })).status).toBe(201);

    const before = await db.contact.count({ where: { tenantId: a.tenantId } });
    const creds = { cookie: a.ownerCookie };
    expect((await createContact(a.crmHost, creds, undefined, "{oops")).status).toBe(400);
    for (const body of [
      {},
      { firstName: "NoWayToReach" },
      { email: "not-an-email" },
      { email: "x@example.com", phone: "12" },
      { email: "y@example.com", role: "admin" },
      { email: "z@example.com", firstName: "x".repeat(121) },
    ]) {
      const res = await createContact(a.crmHost, creds, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error).toBe("validation_failed");
      expect(res.body.fields).toBeTypeOf("object");
    }
    expect((await createContact(a.crmHost, {}, { email: "anon@example.com" })).status).toBe(401);
    expect((await createContact(a.crmHost, { cookie: b.ownerCookie }, { email: "spy@example.com" })).status).toBe(404);
    expect(await db.contact.count({ where: { tenantId: a.tenantId } })).toBe(before);
  });

  it("GET /api/activities: A's timeline only, filtered by lead, contact and type", async () => {
    for (const creds of [{ cookie: a.ownerCookie }, { cookie: a.agentCookie }, { bearer: a.apiKey }]) {
      const res = await activities(a.crmHost, creds, "?type=WEBSITE_EVENT");
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(3);
    }
    const forLead = await activities(a.crmHost, { cookie: a.agentCookie }, `?leadId=${a.leadIds[0]}`);
    expect(forLead.body.items.map((x: { leadId: string }) => x.leadId)).toEqual([a.leadIds[0]]);
    expect((await activities(a.crmHost, { cookie: a.agentCookie }, `?leadId=${b.leadIds[0]}`)).body.items).toEqual([]);
    expect((await activities(b.crmHost, { cookie: b.agentCookie }, `?contactId=${a.contactIds[0]}`)).body.items).toEqual([]);
    const bAll = await activities(b.crmHost, { bearer: b.apiKey });
    expect(bAll.body.items.every((x: { contactId: string }) => !a.contactIds.includes(x.contactId))).toBe(true);
    expect((await activities(a.crmHost, { cookie: a.agentCookie }, "?type=PARTY")).status).toBe(400);
    expect((await activities(a.crmHost, { cookie: a.agentCookie }, "?leadId=123")).status).toBe(400);
    expect((await activities(a.crmHost, {})).status).toBe(401);
    expect((await activities(a.crmHost, { cookie: b.agentCookie })).status).toBe(404);
  });

  it("POST /api/activities: logs on A's lead or contact; B's ids 404; malformed 4xx; nothing written on failure", async () => {
    const { db } = testDb();
    const note = await logActivity(a.crmHost, { cookie: a.agentCookie }, { type: "NOTE", leadId: a.leadIds[0], body: "Prefers texts" });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ type: "NOTE", body: "Prefers texts", actor: { userId: a.agent.userId, name: "Alpha Agent" }, viaApiKey: false });
    const call1 = await logActivity(a.crmHost, { cookie: a.ownerCookie }, { type: "CALL", contactId: a.contactIds[1], body: "No answer" });
    expect(call1.status).toBe(201);
    const byKey = await logActivity(a.crmHost, { bearer: a.apiKey }, { type: "EMAIL", leadId: a.leadIds[2], title: "Sent listings" });
    expect(byKey.body).toMatchObject({ actor: null, viaApiKey: true, title: "Sent listings" });
    const lead = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: a.leadIds[2]! } } });
    expect(lead.firstContactedAt).not.toBeNull();

    const before = await db.activity.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } });
    expect((await logActivity(b.crmHost, { cookie: b.ownerCookie }, { type: "NOTE", leadId: a.leadIds[0], body: "x" })).status).toBe(404);
    expect((await logActivity(b.crmHost, { bearer: b.apiKey }, { type: "NOTE", contactId: a.contactIds[0], body: "x" })).status).toBe(404);
    expect((await logActivity(a.crmHost, { cookie: b.ownerCookie }, { type: "NOTE", leadId: a.leadIds[0], body: "x" })).status).toBe(404);
    expect((await logActivity(a.crmHost, {}, { type: "NOTE", leadId: a.leadIds[0], body: "x" })).status).toBe(401);
    expect((await logActivity(a.crmHost, { cookie: a.ownerCookie }, undefined, "[")).status).toBe(400);
    const invalid = [
      { type: "NOTE", leadId: a.leadIds[0] },
      { type: "STATUS_CHANGE", leadId: a.leadIds[0], body: "x" },
      { type: "CALL" },
      { type: "CALL", leadId: "abc" },
      { type: "CALL", leadId: a.leadIds[0], occurredAt: "2999-01-01T00:00:00Z" },
      { type: "CALL", leadId: a.leadIds[0], extra: true },
    ];
    for (const body of invalid) expect((await logActivity(a.crmHost, { cookie: a.ownerCookie }, body)).status, JSON.stringify(body)).toBe(422);
    expect((await logActivity(a.crmHost, { cookie: a.ownerCookie }, { type: "CALL", leadId: a.leadIds[0], contactId: a.contactIds[1] })).status).toBe(422);
    expect(await db.activity.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } })).toBe(before);
  });

  it("GET /api/auth/session: who is signed in and their role on this host", async () => {
    const me = await call(sessionRoute.GET, { host: a.crmHost, path: "/api/auth/session", creds: { cookie: a.agentCookie } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: a.agent.email }, tenant: { slug: "alpha" }, membership: { role: "AGENT", id: a.agent.membershipId } });
    const elsewhere = await call(sessionRoute.GET, { host: a.crmHost, path: "/api/auth/session", creds: { cookie: b.ownerCookie } });
    expect(elsewhere.body).toMatchObject({ tenant: { slug: "alpha" }, membership: null });
    expect((await call(sessionRoute.GET, { host: a.crmHost, path: "/api/auth/session" })).status).toBe(401);
    expect((await call(sessionRoute.GET, { host: "nobody.example", path: "/api/auth/session", creds: { cookie: a.agentCookie } })).status).toBe(404);
  });

  it.skipIf(clerkTestMode())("/api/auth/* is better-auth's handler: sign-in sets the session cookie; foreign origins are refused", async () => {
    const signIn = (origin: string, password = "test-pass-1234") =>
      authRoute.POST(
        new Request(`http://${a.crmHost}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { host: a.crmHost, origin, "content-type": "application/json" },
          body: JSON.stringify({ email: a.agent.email, password }),
        }),
      );
    const ok = await signIn(`http://${a.crmHost}`);
    expect(ok.status).toBe(200);
    const cookie = ok.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(cookie).toMatch(/^re\.session_token=/);
    const me = await call(sessionRoute.GET, { host: a.crmHost, path: "/api/auth/session", creds: { cookie } });
    expect(me.body.membership.role).toBe("AGENT");
    expect((await signIn(`http://${a.crmHost}`, "wrong-password")).status).toBe(401);
    expect((await signIn("http://evil.example")).status).toBe(403);
  });

  it.runIf(clerkTestMode())("/api/auth/* under Clerk: better-auth's password endpoints are not there (404), the Clerk session still works", async () => {
    const signIn = await authRoute.POST(
      new Request(`http://${a.crmHost}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { host: a.crmHost, origin: `http://${a.crmHost}`, "content-type": "application/json" },
        body: JSON.stringify({ email: a.agent.email, password: "test-pass-1234" }),
      }),
    );
    expect(signIn.status).toBe(404);
    expect(signIn.headers.getSetCookie()).toEqual([]);
    const getSession = await authRoute.GET(new Request(`http://${a.crmHost}/api/auth/get-session`, { headers: { host: a.crmHost, cookie: a.agentCookie } }));
    expect(getSession.status).toBe(404);
    const me = await call(sessionRoute.GET, { host: a.crmHost, path: "/api/auth/session", creds: { cookie: a.agentCookie } });
    expect(me.body.membership.role).toBe("AGENT");
  });

  it("GET /api/openapi.json documents every route from the zod contracts", async () => {
    const doc = (await (openapiRoute.GET() as Response).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/action-plans",
      "/api/action-plans/{planId}",
      "/api/activities",
      "/api/api-keys",
      "/api/api-keys/{apiKeyId}",
      "/api/auth/session",
      "/api/contact-merges/{auditLogId}/undo",
      "/api/contacts",
      "/api/contacts/{contactId}",
      "/api/contacts/{contactId}/erase",
      "/api/contacts/{contactId}/export",
      "/api/contacts/{contactId}/identities",
      "/api/contacts/{contactId}/identities/{identityId}",
      "/api/contacts/{contactId}/identities/{identityId}/primary",
      "/api/contacts/{contactId}/merge",
      "/api/leads",
      "/api/leads/{leadId}",
      "/api/leads/{leadId}/plans",
      "/api/leads/{leadId}/plans/{leadPlanId}/resume",
      "/api/leads/{leadId}/plans/{leadPlanId}/stop",
      "/api/members/{membershipId}/photo",
      "/api/my-day",
      "/api/profile",
      "/api/profile/photo",
      "/api/tasks",
      "/api/tasks/{taskId}",
      "/api/webhooks",
      "/api/webhooks/{endpointId}",
      "/api/webhooks/{endpointId}/deliveries",
      "/api/webhooks/{endpointId}/deliveries/{deliveryId}/resend",
      "/api/webhooks/{endpointId}/redrive",
      "/api/webhooks/{endpointId}/rotate-secret",
      "/v1/events",
    ]);
    expect(Object.keys(doc.paths["/api/leads/{leadId}"]!).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(doc.components.schemas.LeadPatch!.properties!).sort()).toEqual(["assignedTo", "status"]);
    const params = (doc.paths["/api/leads"]!.get as { parameters: { name: string }[] }).parameters.map((p) => p.name);
    expect(params).toEqual(["status", "source", "assignedTo", "q", "createdFrom", "createdTo", "sort", "cursor", "limit"]);
    expect(JSON.stringify(doc)).not.toContain("__shared");
    const operationIds = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops) as { operationId: string; responses: Record<string, unknown> }[]) {
        expect(Object.keys(op.responses), path).toEqual(expect.arrayContaining(["401", "403", "429", "500"]));
        expect(operationIds.has(op.operationId), op.operationId).toBe(false);
        operationIds.add(op.operationId);
      }
    }
    expect(operationIds).toContain("postContactsErase");
    // Every route file of the app is in the document with the methods it exports (the sign-in
    // endpoints of the auth library, this document, robots.txt and the catch-alls that answer 404 to
    // paths no route serves are not the API).
    const appDir = path.resolve(import.meta.dirname, "../app");
    const routeFiles = fs.readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(`${path.sep}route.ts`));
    expect(routeFiles.length).toBeGreaterThan(20);
    const documented = new Map(Object.entries(doc.paths).map(([p, ops]) => [p, Object.keys(ops).sort()]));
    for (const file of routeFiles) {
      const route =
        "/" +
        path
          .dirname(file)
          .split(path.sep)
          .join("/")
          .replace(/\[([^\]]+)\]/g, "{$1}");
      if (["/api/auth/{...all}", "/api/openapi.json", "/robots.txt", "/api/{...path}", "/v1/{...path}"].includes(route)) continue;
      const source = fs.readFileSync(path.join(appDir, file), "utf8");
      // Every route file exports all seven methods a route handler can, built by the API's route
      // layer from the handlers it serves (RateLimit headers, Idempotency-Key, 405 and OPTIONS with
      // Allow): nothing is left for Next.js to answer itself.
      const exported = [...source.matchAll(/^export (?:(?:async )?function|const|\{)[^\n]*\b(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm)];
      expect(exported.length, route).toBe(1);
      expect(source, route).toContain("export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({\n");
      // The handlers given to it are the methods served: members of its argument, two spaces in.
      const served = [...source.matchAll(/^ {2}(?:async )?(GET|POST|PUT|PATCH|DELETE)(?:\(|: )/gm)].map((m) => m[1]!.toLowerCase()).sort();
      expect(served.length, route).toBeGreaterThan(0);
      expect(documented.get(route), route).toEqual(served);
    }
    expect((doc as unknown as { servers: unknown[]; info: { license: { name: string } } }).servers).toHaveLength(1);
    expect((doc as unknown as { info: { license: { name: string } } }).info.license.name).toBeTruthy();
  });
});
