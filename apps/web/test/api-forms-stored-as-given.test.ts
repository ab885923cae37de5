import { beforeAll, describe, expect, it } from "vitest";
import { invalidateTenantCache } from "@real-estate/sites";
import { useTestDatabase } from "@real-estate/db/testing";
import { POST as postLead } from "@/app/api/lead/route";
import { POST as postValuation } from "@/app/api/valuation/route";
import { resetWebEnvForTests } from "@/lib/env";
import { apiRequest, freshIp } from "./support/api-request";
import { createWebTenant, FAIRFIELD, SHORELINE, type WebTenant } from "./support/web-fixtures";

// What a visitor sends is stored as they meant it: phones in their brokerage's country with the
// extension apart, idempotency keys bound to the submission, tracking text cut on character boundaries.
const testDb = useTestDatabase("web_stored_as_given");
let us: WebTenant;
let gb: WebTenant;
const jobs = (tenantId: string) => testDb().db.ingestionJob.findMany({ where: { tenantId }, orderBy: { id: "asc" } });
const lead = (t: WebTenant, json: unknown, extra: Partial<Parameters<typeof apiRequest>[1]> = {}) =>
  postLead(apiRequest("/api/lead", { host: t.host, tenantId: t.tenantId, json, ip: freshIp(), ...extra }));

beforeAll(async () => {
  resetWebEnvForTests();
  us = await createWebTenant(testDb().db, FAIRFIELD, { listingsPerTown: 2 });
  gb = await createWebTenant(testDb().db, SHORELINE, { listingsPerTown: 2 });
  await testDb().db.tenant.update({ where: { id: gb.tenantId }, data: { country: "GB", timeZone: "Europe/London" } });
  invalidateTenantCache();
});

describe("phone numbers", () => {
  it("reads a number in the brokerage's country, keeps the extension apart, and refuses what cannot be a number", async () => {
    expect((await lead(us, { email: "ext@example.com", phone: "203-555-8967 x12", eventId: "ph-1" })).status).toBe(202);
    expect((await lead(gb, { email: "uk@example.com", phone: "020 7946 0958", eventId: "ph-2" })).status).toBe(202);
    const [usJob] = (await jobs(us.tenantId)).filter((j) => j.eventId === "ph-1");
    const [gbJob] = (await jobs(gb.tenantId)).filter((j) => j.eventId === "ph-2");
    expect(usJob!.payload).toMatchObject({ payload: { contact: { phone: "+12035558967", phoneExtension: "12" } } });
    expect(gbJob!.payload).toMatchObject({ payload: { contact: { phone: "+442079460958" } } });
    for (const [t, phone] of [
      [us, "020 7946 0958"],
      [us, "911"],
      [gb, "555 0199"],
      [us, "12345"],
    ] as const) {
      const res = await lead(t, { email: "bad@example.com", phone });
      expect(res.status).toBe(422);
      expect((await res.json()).fields.phone).toMatch(/^Please enter a valid phone number: /);
    }
  });
});

describe("idempotency keys", () => {
  it("the same eventId with the same submission answers as before; with another one 409, nothing stored; also across forms", async () => {
    const body = { eventId: "idem-1", name: "Ann Buyer", email: "ann@example.com", message: "First" };
    expect((await lead(us, body)).status).toBe(202);
    const again = await lead(us, body);
    expect([again.status, await again.json()]).toEqual([202, { eventId: "idem-1", status: "queued" }]);
    const changed = await lead(us, { ...body, message: "Second" });
    expect(changed.status).toBe(409);
    expect(await changed.json()).toMatchObject({ error: "idempotency_conflict", eventId: "idem-1", originalEventType: "lead.submitted" });
    const valuation = await postValuation(
      apiRequest("/api/valuation", {
        host: us.host,
        tenantId: us.tenantId,
        ip: freshIp(),
        json: { eventId: "idem-1", address: "1 Elm Street", email: "ann@example.com" },
      }),
    );
    expect([valuation.status, (await valuation.json()).originalEventType]).toEqual([409, "lead.submitted"]);
    const form = await postLead(
      apiRequest("/api/lead", {
        host: us.host,
        tenantId: us.tenantId,
        ip: freshIp(),
        form: { ...body, message: "Third", startedAt: String(Date.now() - 10_000) },
      }),
    );
    expect(form.status).toBe(409);
    expect(form.headers.get("content-type")).toContain("text/html");
    const stored = (await jobs(us.tenantId)).filter((j) => j.eventId === "idem-1");
    expect(stored).toHaveLength(1);
    expect(stored[0]!.payload).toMatchObject({ payload: { message: "First" } });
  });
});

describe("tracking fields", () => {
  it("cuts long UTM values and page URLs on character boundaries and strips what cannot be stored: 202, never 503", async () => {
    const utm = `${"a".repeat(199)}😀tail`;
    const pageUrl = `https://fairfield.localhost/homes?x=${"é".repeat(2100)}`;
    const res = await lead(us, {
      email: "utm@example.com",
      eventId: "utm-1",
      utm_source: utm,
      utm_campaign: "spring\u0000\uD800 sale",
      pageUrl,
      referrer: `${"b".repeat(2047)}😀`,
    });
    expect(res.status).toBe(202);
    const [job] = (await jobs(us.tenantId)).filter((j) => j.eventId === "utm-1");
    const source = (job!.payload as { source: Record<string, string> }).source;
    expect(source.utmSource).toBe("a".repeat(199));
    expect(source.utmCampaign).toBe("spring sale");
    expect(source.pageUrl!.length).toBeLessThanOrEqual(2048);
    expect(source.referrer).toBe("b".repeat(2047));
  });
});
