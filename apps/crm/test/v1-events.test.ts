import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import * as eventsRoute from "../app/v1/events/route";
import { ZPartnerEventAnswer } from "../app/api/lib/contracts";
import { call, type Credentials } from "./support/api-client";
import { drainQueue } from "./support/drain-queue";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("crmv1events");

// The example requests of Follow Up Boss's public API documentation (github.com/FollowUpBoss/
// fub-api-examples: registration, buyer inquiry, seller inquiry, general inquiry), as a lead
// source sends them: JSON body, API key as the Basic-auth user name, empty password.
const person = (tags: string[]) => ({
  firstName: "John",
  lastName: "Smith",
  emails: [{ value: "john.smith@example.com" }],
  phones: [{ value: "555-555-5555" }],
  tags,
});
const FUB_EXAMPLES = {
  registration: { source: "MyAwesomeWebsite.com", type: "Registration", person: person(["Free Market Report"]) },
  buyerInquiry: {
    source: "MyAwesomeWebsite.com",
    type: "Property Inquiry",
    message: "I would like to receive more information about 1234 High Oak St, Rochester, WA 98579.",
    person: person(["Buyer", "More Information"]),
    property: {
      street: "1234 High Oak St",
      city: "Rochester",
      state: "WA",
      code: "98579",
      mlsNumber: "1234567",
      price: 449000,
      forRent: false,
      url: "http://www.myawesomewebsite.com/property/1234567-1234-high-oak-st-rochester-wa-98579/",
      type: "Single-Family Home",
      bedrooms: 3,
      bathrooms: 2,
      area: 2888,
      lot: 0.98,
    },
  },
  sellerInquiry: {
    source: "MyAwesomeWebsite.com",
    type: "Seller Inquiry",
    message: "We are planning to sell our house and move to Florida",
    person: person(["Seller", "CMA Request"]),
    property: { street: "1234 High Oak St", city: "Rochester", state: "WA", code: "98579", type: "Single-Family Home", bedrooms: 3, bathrooms: 2 },
  },
  generalInquiry: {
    source: "MyAwesomeWebsite.com",
    type: "General Inquiry",
    message: "I am planning to buy my first home, what's the first step?",
    person: person(["Contact Us"]),
  },
};

describe("POST /v1/events (Follow Up Boss-compatible), two tenants", () => {
  let a: Side;
  let b: Side;
  beforeAll(async () => {
    ({ a, b } = await setUpTwoTenants(testDb().db));
  });

  const post = (
    host: string,
    creds: Credentials,
    body: unknown,
    options: { rawBody?: string; headers?: Record<string, string>; contentType?: string | null } = {},
  ) => call(eventsRoute.POST, { host, path: "/v1/events", method: "POST", creds, body, ...options });
  const jobCount = (tenantId: string) => testDb().db.ingestionJob.count({ where: { tenantId } });

  it("replays the documented examples: 201 for a new person, 200 for the same person, records as documented", async () => {
    const { db } = testDb();
    const creds = { basic: a.apiKey };
    const first = await post(a.crmHost, creds, FUB_EXAMPLES.registration);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: null,
      status: "queued",
      firstName: "John",
      lastName: "Smith",
      emails: [{ value: "john.smith@example.com" }],
      tags: ["Free Market Report"],
    });
    expect(first.body.eventId).toMatch(/^v1-events:/);
    expect(ZPartnerEventAnswer.safeParse(first.body).success).toBe(true);
    await drainQueue(db);
    const contact = await db.contact.findFirstOrThrow({ where: { tenantId: a.tenantId, email: "john.smith@example.com" } });
    expect(contact).toMatchObject({ firstName: "John", lastName: "Smith", source: "api" });

    // A password sent along (some HTTP clients insist) is ignored, as Follow Up Boss does.
    const inquiry = await post(a.crmHost, { basic: a.apiKey, basicPassword: "x" }, FUB_EXAMPLES.buyerInquiry);
    expect(inquiry.status).toBe(200);
    expect(inquiry.body).toMatchObject({ id: contact.id, firstName: "John", source: "api" });
    expect(ZPartnerEventAnswer.safeParse(inquiry.body).success).toBe(true);
    for (const example of [FUB_EXAMPLES.sellerInquiry, FUB_EXAMPLES.generalInquiry]) expect((await post(a.crmHost, creds, example)).status).toBe(200);
    await drainQueue(db);

    expect(await db.contact.count({ where: { tenantId: a.tenantId, email: "john.smith@example.com" } })).toBe(1);
    const leads = await db.lead.findMany({ where: { tenantId: a.tenantId, contactId: contact.id } });
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ source: "api", status: "NEW", listingKey: "1234567", message: FUB_EXAMPLES.generalInquiry.message });
    const timeline = await db.activity.findMany({
      where: { tenantId: a.tenantId, contactId: contact.id, type: "WEBSITE_EVENT" },
      orderBy: { occurredAt: "asc" },
    });
    expect(timeline.map((t) => t.title)).toEqual([
      "Registration from MyAwesomeWebsite.com",
      "Property Inquiry about 1234 High Oak St from MyAwesomeWebsite.com",
      "Seller Inquiry about 1234 High Oak St from MyAwesomeWebsite.com",
      "General Inquiry from MyAwesomeWebsite.com",
    ]);
    expect(timeline[1]!.body).toBe(FUB_EXAMPLES.buyerInquiry.message);
    expect(timeline[1]!.metadata).toMatchObject({
      eventType: "lead.received",
      kind: "Property Inquiry",
      sourceName: "MyAwesomeWebsite.com",
      tags: ["Buyer", "More Information"],
      property: FUB_EXAMPLES.buyerInquiry.property,
    });
    // B's own John Smith is untouched: the key and the host are A's.
    expect(await db.contact.count({ where: { tenantId: b.tenantId, email: "john.smith@example.com" } })).toBe(0);
  });

  it("keeps unknown fields, resolves the Inquiry shorthand, matches by phone", async () => {
    const { db } = testDb();
    const body = {
      type: "Inquiry",
      source: "Zillow",
      system: "PortalSync",
      customPortalScore: 87,
      person: { name: "Paula Prospect", phones: [{ value: "+1 203 555 0177", type: "mobile" }], customBirthday: "1990-01-01", stage: "Lead" },
      property: { street: "9 Elm St", mlsNumber: 4455 },
      campaign: { source: "google", medium: "cpc", campaign: "spring" },
    };
    const res = await post(a.crmHost, { bearer: a.apiKey }, body);
    expect(res.status).toBe(201);
    await drainQueue(db);
    const contact = await db.contact.findFirstOrThrow({ where: { tenantId: a.tenantId, phone: "+12035550177" } });
    expect(contact).toMatchObject({ firstName: "Paula", lastName: "Prospect" });
    const activity = await db.activity.findFirstOrThrow({ where: { tenantId: a.tenantId, contactId: contact.id, type: "WEBSITE_EVENT" } });
    expect(activity.title).toBe("Property Inquiry about 9 Elm St from Zillow");
    expect(Object.keys((activity.metadata as { person: object }).person).sort()).toEqual(["customBirthday", "stage"]);
    expect(activity.metadata).toMatchObject({
      system: "PortalSync",
      extra: { customPortalScore: 87 },
      person: { customBirthday: "1990-01-01", stage: "Lead" },
      campaign: { source: "google", medium: "cpc", campaign: "spring" },
    });
    const again = await post(
      a.crmHost,
      { bearer: a.apiKey },
      { type: "Viewed Property", person: { phones: [{ value: "(203) 555-0177" }] }, property: { street: "10 Elm St" } },
    );
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(contact.id);
    const byId = await post(a.crmHost, { bearer: a.apiKey }, { type: "Saved Property", person: { id: contact.id } });
    expect(byId.status).toBe(200);
    await drainQueue(db);
    expect(await db.activity.count({ where: { tenantId: a.tenantId, contactId: contact.id, type: "WEBSITE_EVENT" } })).toBe(3);
  });

  it("is idempotent on Idempotency-Key and on the event's own id; another body under the same key is 409", async () => {
    const { db } = testDb();
    const body = { type: "Registration", person: { emails: [{ value: "idem@example.com" }] } };
    const headers = { "idempotency-key": "lead-42" };
    const first = await post(a.crmHost, { basic: a.apiKey }, body, { headers });
    expect(first.status).toBe(201);
    const jobs = await jobCount(a.tenantId);
    const replay = await post(a.crmHost, { basic: a.apiKey }, body, { headers });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.eventId).toBe(first.body.eventId);
    const conflict = await post(a.crmHost, { basic: a.apiKey }, { ...body, message: "changed" }, { headers });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toBe("idempotency_conflict");
    // The same key in tenant B is B's own request.
    expect((await post(b.crmHost, { basic: b.apiKey }, body, { headers })).status).toBe(201);
    const own = { id: "portal-9001", type: "General Inquiry", person: { emails: [{ value: "own-id@example.com" }] } };
    expect((await post(a.crmHost, { basic: a.apiKey }, own)).status).toBe(201);
    expect((await post(a.crmHost, { basic: a.apiKey }, own)).headers.get("idempotent-replayed")).toBe("true");
    expect(await jobCount(a.tenantId)).toBe(jobs + 1);
    // After the worker applied it, a replay still stores nothing new.
    await drainQueue(db);
    const activities = await db.activity.count({ where: { tenantId: a.tenantId } });
    expect((await post(a.crmHost, { basic: a.apiKey }, body, { headers })).status).toBe(200);
    await drainQueue(db);
    expect(await db.activity.count({ where: { tenantId: a.tenantId } })).toBe(activities);
  });

  it("refuses bad bodies and bad keys with 4xx and stores nothing", async () => {
    const { db } = testDb();
    const before = await jobCount(a.tenantId);
    const contacts = await db.contact.count({ where: { tenantId: a.tenantId } });
    const creds = { basic: a.apiKey };
    const bad: unknown[] = [
      {},
      { type: "Registration" },
      { type: "Registration", person: { firstName: "NoWayToReach" } },
      { type: "Registration", person: { emails: [{ value: "not-an-email" }] } },
      { type: "Registration", person: { emails: ["plain@example.com"] } },
      { type: "Registration", person: { phones: [{ value: "12" }] } },
      { type: "Bought A Yacht", person: { emails: [{ value: "y@example.com" }] } },
      { type: "Registration", occurredAt: "yesterday", person: { emails: [{ value: "y@example.com" }] } },
      { type: "Registration", person: { emails: [{ value: "y@example.com" }], tags: "vip" } },
      { type: "Registration", person: { emails: [{ value: "y@example.com" }], firstName: "x".repeat(121) } },
      [],
      "text",
      // Text PostgreSQL cannot store, anywhere in the body.
      { type: "Registration", person: { firstName: "A\u0000", emails: [{ value: "nul@example.com" }] } },
      { type: "Registration", person: { emails: [{ value: "nul@example.com" }] }, property: { street: "\ud800 Elm" } },
      { type: "Registration", person: { emails: [{ value: "nul@example.com" }] }, customNote: "a\u0000b" },
    ];
    for (const body of bad) {
      const res = await post(a.crmHost, creds, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errorMessage, JSON.stringify(body)).toBeTypeOf("string");
    }
    expect((await post(a.crmHost, creds, undefined, { rawBody: "{oops" })).status).toBe(400);
    // Nested thousands deep (40 KB, under the size cap): a 400 naming the body, not a 503 from a
    // stack overflow further on (the idempotency fingerprint walks the body).
    const deep = `{"type":"Registration","person":{"emails":[{"value":"deep@example.com"}]},"extra":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    const deepAnswer = await post(a.crmHost, creds, undefined, { rawBody: deep, headers: { "idempotency-key": "deep-body" } });
    expect(deepAnswer.status).toBe(400);
    expect(deepAnswer.body).toMatchObject({ error: "validation_failed", fields: { body: [expect.stringContaining("levels deep")] } });
    expect((await post(a.crmHost, creds, undefined, { rawBody: "x=1", contentType: "application/x-www-form-urlencoded" })).status).toBe(415);
    expect(
      (
        await post(
          a.crmHost,
          creds,
          { type: "Registration", person: { emails: [{ value: "q@example.com" }] } },
          { headers: { "idempotency-key": "has space" } },
        )
      ).status,
    ).toBe(400);
    expect((await post(a.crmHost, creds, { type: "Registration", person: { id: "00000000-0000-7000-8000-000000000000" } })).status).toBe(404);
    expect((await post(a.crmHost, creds, { type: "Registration", person: { id: b.contactIds[0] } })).status).toBe(404);
    const good = { type: "Registration", person: { emails: [{ value: "keyless@example.com" }] } };
    expect((await post(a.crmHost, {}, good)).status).toBe(401);
    expect((await post(a.crmHost, { basic: "" }, good)).status).toBe(401);
    expect((await post(a.crmHost, { basic: "re_live_nope" }, good)).status).toBe(401);
    expect((await post(a.crmHost, { basic: b.apiKey }, good)).status).toBe(401);
    expect((await post("crm.nowhere.test", { basic: a.apiKey }, good)).status).toBe(404);
    expect(await jobCount(a.tenantId)).toBe(before);
    expect(await db.contact.count({ where: { tenantId: a.tenantId } })).toBe(contacts);
  });

  it("accepts a JSON body sent without Content-Type or as text/plain (as some lead sources do)", async () => {
    const body = (email: string) => ({ type: "Registration", person: { emails: [{ value: email }] } });
    expect((await post(a.crmHost, { basic: a.apiKey }, body("no-type@example.com"), { contentType: null })).status).toBe(201);
    expect((await post(a.crmHost, { basic: a.apiKey }, body("plain@example.com"), { contentType: "text/plain; charset=utf-8" })).status).toBe(201);
  });
});
