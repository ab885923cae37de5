// The typed client (client/crm-api-client.ts, types generated from the API document) against the
// CRM's own route handlers and the real database, two tenants.
import fs from "node:fs";
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { createApiKey } from "@real-estate/crm";
import { createCrmApiClient, type CrmApiClient } from "../client/crm-api-client";
import { API_TYPES_FILE, generateApiTypes } from "../scripts/generate-api-types";
import { routeFetch } from "./support/route-fetch";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("api18_typed_client");

let a: Side;
let b: Side;
let clientA: CrmApiClient;
let clientB: CrmApiClient;
beforeAll(async () => {
  ({ a, b } = await setUpTwoTenants(testDb().db));
  clientA = createCrmApiClient({ baseUrl: `http://${a.crmHost}`, apiKey: a.apiKey, fetch: routeFetch });
  clientB = createCrmApiClient({ baseUrl: `http://${b.crmHost}`, apiKey: b.apiKey, fetch: routeFetch });
});

describe("typed API client", () => {
  it("its types are the API document's: the committed file is what the generator writes now", async () => {
    const message = "the API document changed: run `npm run api:types -w @real-estate/crm-app` and commit client/crm-api-types.ts";
    expect(fs.readFileSync(API_TYPES_FILE, "utf8"), message).toBe(await generateApiTypes());
  });

  it("creates (idempotently), reads, updates and lists through the typed operations", async () => {
    const key = crypto.randomUUID();
    const body = { firstName: "Tess", lastName: "Typed", email: "tess@example.com", openLead: { message: "Typed hello" } };
    const created = await clientA.POST("/api/contacts", { body, params: { header: { "Idempotency-Key": key } } });
    expect(created.response.status).toBe(201);
    const contactId = created.data!.id;
    const replayed = await clientA.POST("/api/contacts", { body, params: { header: { "Idempotency-Key": key } } });
    expect(replayed.response.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.data!.id).toBe(contactId);
    const got = await clientA.GET("/api/contacts/{contactId}", { params: { path: { contactId } } });
    expect(got.data).toMatchObject({ id: contactId, firstName: "Tess", email: "tess@example.com" });
    const listed = await clientA.GET("/api/contacts", { params: { query: { q: "tess", limit: 10 } } });
    expect(listed.data!.items.map((c) => c.id)).toEqual([contactId]);
    const leads = await clientA.GET("/api/leads", { params: { query: { status: ["NEW"], limit: 100 } } });
    const lead = leads.data!.items.find((l) => l.contact.id === contactId);
    expect(lead).toBeDefined();
    const patched = await clientA.PATCH("/api/leads/{leadId}", { params: { path: { leadId: lead!.id } }, body: { status: "CONTACTED" } });
    expect(patched.response.status).toBe(200);
    expect(patched.data!.status).toBe("CONTACTED");
    expect(await testDb().db.lead.count({ where: { tenantId: a.tenantId, contactId, status: "CONTACTED" } })).toBe(1);
  });

  it("answers errors as the document describes them: another tenant's record 404, a missing scope 403, bad input 422", async () => {
    const mine = await clientA.GET("/api/contacts", { params: { query: { limit: 1 } } });
    const contactId = mine.data!.items[0]!.id;
    const theirs = await clientB.GET("/api/contacts/{contactId}", { params: { path: { contactId } } });
    expect(theirs.response.status).toBe(404);
    expect(theirs.error).toMatchObject({ error: "not_found" });
    const reader = createCrmApiClient({
      baseUrl: `http://${a.crmHost}`,
      apiKey: (await createApiKey({ tenantId: a.tenantId, name: "reader", createdByUserId: a.owner.userId, scopes: ["read"] })).key,
      fetch: routeFetch,
    });
    const refused = await reader.POST("/api/contacts", { body: { firstName: "No", email: "no-scope@example.com" } });
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ error: "insufficient_scope" });
    const bad = await clientA.POST("/api/contacts", { body: { firstName: "Bad", email: "not-an-email" } });
    expect(bad.response.status).toBe(422);
    expect(await testDb().db.contact.count({ where: { email: { in: ["no-scope@example.com", "not-an-email"] } } })).toBe(0);
  });
});
