import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, getDb, setDb } from "@real-estate/db";
import { invalidateTenantCache } from "@real-estate/sites";
import { useTestDatabase } from "@real-estate/db/testing";
import { POST as postLead } from "@/app/api/lead/route";
import { POST as postValuation } from "@/app/api/valuation/route";
import { resetWebEnvForTests } from "@/lib/env";
import { CONTACT_CONSENT_TEXT, CONTACT_CONSENT_VERSION } from "@/lib/forms/consent";
import { apiRequest, freshIp } from "./support/api-request";
import { createWebTenant, FAIRFIELD, SHORELINE, type WebTenant } from "./support/web-fixtures";

const testDb = useTestDatabase("web_api_forms");
let ff: WebTenant;
let sl: WebTenant;
const longAgo = () => String(Date.now() - 10_000);
const jobs = (tenantId: string) => testDb().db.ingestionJob.findMany({ where: { tenantId }, orderBy: { id: "asc" } });
const lead = (t: WebTenant, json: unknown, extra: Partial<Parameters<typeof apiRequest>[1]> = {}) =>
  postLead(apiRequest("/api/lead", { host: t.host, tenantId: t.tenantId, json, ip: freshIp(), ...extra }));

beforeAll(async () => {
  process.env.WEB_RATE_LIMIT_PER_MINUTE = "5";
  process.env.WEB_MAX_BODY_BYTES = "4096";
  resetWebEnvForTests();
  ff = await createWebTenant(testDb().db, FAIRFIELD, { listingsPerTown: 8, extraHosts: ["www.fairfield-realty.test"] });
  sl = await createWebTenant(testDb().db, SHORELINE, { listingsPerTown: 2 });
});

describe("POST /api/lead", () => {
  it("queues a lead.submitted event and answers 202; a repeated eventId answers the same and queues nothing new", async () => {
    const body = { eventId: "client-key-1", name: "Ann Buyer", email: "Ann@Example.com", message: "Tell me more", listingKey: ff.listingKeys[0] };
    // The app server's request id rides along to the worker's log line (a retry has its own id: still the same request).
    const res = await lead(ff, body, {
      headers: { referer: "http://fairfield.localhost:3000/homes/X?utm_source=news&utm_campaign=fall", "x-request-id": "edge-7f3a9c000001" },
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ eventId: "client-key-1", status: "queued" });
    const again = await lead(ff, body, { headers: { "x-request-id": "edge-7f3a9c000002" } });
    expect([again.status, await again.json()]).toEqual([202, { eventId: "client-key-1", status: "queued" }]);
    const queued = await jobs(ff.tenantId);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ eventId: "client-key-1", eventType: "lead.submitted" });
    expect(queued[0]!.payload).toMatchObject({
      tenantId: ff.tenantId,
      source: { utmSource: "news", utmCampaign: "fall", requestId: "edge-7f3a9c000001" },
      payload: { contact: { firstName: "Ann", lastName: "Buyer", email: "ann@example.com" }, message: "Tell me more", listingKey: ff.listingKeys[0] },
    });
    expect(await jobs(sl.tenantId)).toHaveLength(0);
  });

  it("accepts a plain form post and lands on the thank-you page, storing the consent wording and version", async () => {
    const res = await postLead(
      apiRequest("/api/lead", {
        host: ff.host,
        tenantId: ff.tenantId,
        ip: freshIp(),
        form: { name: "Form Person", email: "form@example.com", phone: "203 555 0101", consent: "on", startedAt: longAgo(), website: "", eventId: "form-1" },
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/thank-you?form=contact");
    const job = (await jobs(ff.tenantId)).find((j) => j.eventId === "form-1");
    expect(job?.payload).toMatchObject({
      payload: { contact: { phone: "+12035550101" }, consent: { given: true, text: CONTACT_CONSENT_TEXT, version: CONTACT_CONSENT_VERSION } },
    });
  });

  it("answers 422 with field messages for invalid input and queues nothing", async () => {
    const before = (await jobs(ff.tenantId)).length;
    const res = await lead(ff, { name: "X", email: "nope", phone: "abc" });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: "validation_failed",
      fields: { email: "Please enter a valid email address", phone: "Please enter a valid phone number: that is not a phone number." },
    });
    expect((await lead(ff, { name: "No contact" })).status).toBe(422);
    expect((await lead(ff, { email: "a@b.co", eventId: "x".repeat(256) })).status).toBe(422);
    const form = await postLead(
      apiRequest("/api/lead", { host: ff.host, tenantId: ff.tenantId, ip: freshIp(), form: { name: "x", email: "bad", startedAt: longAgo() } }),
    );
    expect(form.status).toBe(422);
    expect(form.headers.get("content-type")).toContain("text/html");
    expect(
      (await postLead(apiRequest("/api/lead", { host: ff.host, tenantId: ff.tenantId, ip: freshIp(), rawBody: "{oops", contentType: "application/json" })))
        .status,
    ).toBe(400);
    expect((await jobs(ff.tenantId)).length).toBe(before);
  });

  it("gives bots the normal answer and queues nothing", async () => {
    const before = (await jobs(ff.tenantId)).length;
    const honeypot = await lead(ff, { name: "Bot", email: "bot@example.com", website: "http://spam.example" });
    expect(honeypot.status).toBe(202);
    expect(await honeypot.json()).toMatchObject({ status: "queued" });
    const tooFast = await postLead(
      apiRequest("/api/lead", {
        host: ff.host,
        tenantId: ff.tenantId,
        ip: freshIp(),
        form: { name: "Fast", email: "fast@example.com", startedAt: String(Date.now()) },
      }),
    );
    expect([tooFast.status, tooFast.headers.get("location")]).toEqual([303, "/thank-you?form=contact"]);
    const noTimestamp = await postLead(
      apiRequest("/api/lead", { host: ff.host, tenantId: ff.tenantId, ip: freshIp(), form: { name: "Bare", email: "bare@example.com" } }),
    );
    expect(noTimestamp.status).toBe(303);
    expect((await jobs(ff.tenantId)).length).toBe(before);
  });

  it("refuses cross-site posts, unknown tenants and oversized bodies", async () => {
    const before = (await jobs(ff.tenantId)).length;
    expect((await lead(ff, { email: "a@b.co" }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await lead(ff, { email: "a@b.co" }, { origin: `http://${sl.host}:3000` })).status).toBe(403);
    expect((await lead(ff, { email: "a@b.co" }, { origin: null, headers: { referer: "https://evil.example/page" } })).status).toBe(403);
    expect((await lead(ff, { email: "other-host@b.co" }, { origin: "http://www.fairfield-realty.test" })).status).toBe(202);
    expect((await lead(ff, { email: "no-origin@b.co" }, { origin: null })).status).toBe(202);
    const unknown = await postLead(apiRequest("/api/lead", { host: "nobody.example", json: { email: "a@b.co" } }));
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: "unknown_tenant" }]);
    const forged = await postLead(apiRequest("/api/lead", { host: ff.host, tenantId: sl.tenantId, json: { email: "a@b.co" }, ip: freshIp() }));
    expect(forged.status).toBe(404);
    const big = await lead(ff, { email: "big@b.co", message: "x".repeat(5000) });
    expect([big.status, await big.json()]).toEqual([413, { error: "payload_too_large" }]);
    expect((await jobs(ff.tenantId)).length).toBe(before + 2);
  });

  it("rate-limits per client IP and tenant with 429 and Retry-After", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await lead(ff, { email: `rate${i}@b.co` }, { ip })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const limited = await lead(ff, { email: "rate-x@b.co" }, { ip });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({ error: "rate_limited" });
    expect((await lead(sl, { email: "other-tenant@b.co" }, { ip })).status).toBe(202);
    expect((await lead(ff, { email: "other-ip@b.co" })).status).toBe(202);
  });

  it("answers 503 with Retry-After, never 202, when the database is unavailable", async () => {
    const real = getDb();
    setDb(createPrismaClient({ url: "postgresql://postgres@127.0.0.1:1/none" }));
    try {
      const cached = await lead(ff, { email: "down@b.co", eventId: "down-1" });
      expect(cached.status).toBe(503);
      expect(cached.headers.get("retry-after")).toBeTruthy();
      invalidateTenantCache();
      const uncached = await lead(ff, { email: "down@b.co", eventId: "down-2" });
      expect([uncached.status, await uncached.json()]).toEqual([503, { error: "service_unavailable" }]);
      const valuation = await postValuation(
        apiRequest("/api/valuation", { host: ff.host, tenantId: ff.tenantId, ip: freshIp(), json: { address: "1 Down Street", email: "d@b.co" } }),
      );
      expect(valuation.status).toBe(503);
    } finally {
      setDb(real);
    }
    expect(await testDb().db.ingestionJob.count({ where: { eventId: { in: ["down-1", "down-2"] } } })).toBe(0);
  });
});

describe("POST /api/valuation", () => {
  it("queues valuation.requested with the instant estimate from comparable listings", async () => {
    const res = await postValuation(
      apiRequest("/api/valuation", {
        host: ff.host,
        tenantId: ff.tenantId,
        ip: freshIp(),
        json: {
          eventId: "val-1",
          address: "12 Harbor Road",
          town: "fairfield",
          livingArea: 2200,
          bedrooms: 3,
          bathrooms: 2,
          yearBuilt: 1985,
          name: "Sam Seller",
          email: "sam@example.com",
        },
      }),
    );
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toMatchObject({ eventId: "val-1", status: "queued", estimate: { status: "estimated" } });
    expect(body.estimate.low).toBeLessThan(body.estimate.high);
    expect(body.estimate.comparables.length).toBeGreaterThanOrEqual(3);
    const job = (await jobs(ff.tenantId)).find((j) => j.eventId === "val-1");
    expect(job?.payload).toMatchObject({
      type: "valuation.requested",
      payload: { property: { address: "12 Harbor Road", town: "fairfield", livingArea: 2200 }, estimate: { low: body.estimate.low, high: body.estimate.high } },
    });
    // Every fact given is either used or named as not supported by the comparables, in the answer and in the event.
    const used: string[] = body.estimate.factsUsed;
    const notUsed: string[] = body.estimate.factsNotUsed.map((f: { fact: string }) => f.fact);
    expect(used.slice(0, 2)).toEqual(["town", "livingArea"]);
    expect([...used, ...notUsed].sort()).toEqual(["bathrooms", "bedrooms", "livingArea", "town", "yearBuilt"]);
    const estimate = (job?.payload as { payload: { estimate: { factsUsed: string[]; factsNotUsed: string[] } } }).payload.estimate;
    expect([estimate.factsUsed, estimate.factsNotUsed]).toEqual([used, notUsed]);
  });

  it("says there are too few comparables instead of inventing a number, and posts without JavaScript land on the estimate", async () => {
    const res = await postValuation(
      apiRequest("/api/valuation", {
        host: sl.host,
        tenantId: sl.tenantId,
        ip: freshIp(),
        json: { address: "5 Ocean Drive", town: "newport", livingArea: 9000, email: "o@example.com" },
      }),
    );
    expect(res.status).toBe(202);
    expect((await res.json()).estimate).toMatchObject({ status: "insufficient_data", minimum: 3 });
    const form = await postValuation(
      apiRequest("/api/valuation", {
        host: sl.host,
        tenantId: sl.tenantId,
        ip: freshIp(),
        form: { address: "5 Ocean Drive", town: "newport", livingArea: "1800", email: "o@example.com", startedAt: longAgo() },
      }),
    );
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/home-value/estimate?address=5+Ocean+Drive&town=newport&livingArea=1800");
    const invalid = await postValuation(
      apiRequest("/api/valuation", { host: sl.host, tenantId: sl.tenantId, ip: freshIp(), json: { address: "x", livingArea: "huge", email: "o@example.com" } }),
    );
    expect(invalid.status).toBe(422);
    expect(Object.keys((await invalid.json()).fields).sort()).toEqual(["address", "livingArea"]);
  });

  it("still queues forms while the tenant is suspended", async () => {
    await testDb().db.tenant.update({ where: { id: sl.tenantId }, data: { status: "SUSPENDED" } });
    invalidateTenantCache();
    try {
      const res = await lead(sl, { email: "while-suspended@b.co", eventId: "suspended-1" });
      expect(res.status).toBe(202);
      expect(await testDb().db.ingestionJob.count({ where: { tenantId: sl.tenantId, eventId: "suspended-1" } })).toBe(1);
    } finally {
      await testDb().db.tenant.update({ where: { id: sl.tenantId }, data: { status: "ACTIVE" } });
      invalidateTenantCache();
    }
  });
});
