import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { POST as signUp } from "@/app/api/auth/sign-up/route";
import { POST as viewListing } from "@/app/api/user/viewed-listings/route";
import { resetWebEnvForTests } from "@/lib/env";
import { apiRequest, cookiesFrom, freshIp } from "./support/api-request";
import { createWebTenant, FAIRFIELD, SHORELINE, type WebTenant } from "./support/web-fixtures";

const testDb = useTestDatabase("web_api_listing_views");
let ff: WebTenant;
let sl: WebTenant;
const req = (t: WebTenant, path: string, o: Omit<Parameters<typeof apiRequest>[1], "host" | "tenantId"> = {}) =>
  apiRequest(path, { host: t.host, tenantId: t.tenantId, ip: freshIp(), ...o });
const view = (t: WebTenant, cookie: string | undefined, listingKey: unknown) =>
  viewListing(req(t, "/api/user/viewed-listings", { cookie, json: { listingKey } }));
const viewJobs = (tenantId: string) =>
  testDb().db.ingestionJob.findMany({ where: { tenantId, eventType: "listing.viewed" }, orderBy: { id: "asc" }, select: { eventId: true, payload: true } });

async function signedUp(t: WebTenant, email: string): Promise<string> {
  const res = await signUp(req(t, "/api/auth/sign-up", { json: { email, password: "correct-horse", name: "Vic Viewer" } }));
  expect(res.status).toBe(201);
  return cookiesFrom(res);
}

beforeAll(async () => {
  resetWebEnvForTests();
  ff = await createWebTenant(testDb().db, FAIRFIELD, { listingsPerTown: 2 });
  sl = await createWebTenant(testDb().db, SHORELINE, { listingsPerTown: 2 });
});

describe("POST /api/user/viewed-listings: a signed-in visitor's views, throttled on the server", () => {
  it("queues one listing.viewed per visitor and listing per half hour, and again after it", async () => {
    const cookie = await signedUp(ff, "viewer@example.com");
    const [k1, k2] = ff.listingKeys as [string, string];
    const first = await view(ff, cookie, k1);
    expect([first.status, await first.json()]).toEqual([202, { listingKey: k1, recorded: true }]);
    const again = await view(ff, cookie, k1);
    const body = await again.json();
    expect([again.status, body.recorded]).toEqual([200, false]);
    expect(new Date(body.nextAt).getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect((await view(ff, cookie, k2)).status).toBe(202);
    const jobs = await viewJobs(ff.tenantId);
    expect(jobs.map((j) => (j.payload as { payload: { listingKey: string } }).payload.listingKey)).toEqual([k1, k2]);
    expect(jobs[0]!.payload).toMatchObject({ type: "listing.viewed", payload: { contact: { email: "viewer@example.com" }, listingKey: k1 } });

    // Half an hour later the next view counts again, as a new event.
    const visitor = await testDb().db.visitor.findFirstOrThrow({ where: { tenantId: ff.tenantId, email: "viewer@example.com" } });
    await testDb().db.listingView.updateMany({
      where: { tenantId: ff.tenantId, visitorId: visitor.id, listingKey: k1 },
      data: { lastRecordedAt: new Date(Date.now() - 30 * 60_000 - 1000) },
    });
    expect((await view(ff, cookie, k1)).status).toBe(202);
    const after = await viewJobs(ff.tenantId);
    expect(after).toHaveLength(3);
    expect(new Set(after.map((j) => j.eventId)).size).toBe(3);
    const row = await testDb().db.listingView.findFirstOrThrow({ where: { tenantId: ff.tenantId, visitorId: visitor.id, listingKey: k1 } });
    expect(row.recordedCount).toBe(2);
  });

  it("records one view when the same view arrives many times at once", async () => {
    const cookie = await signedUp(ff, "burst@example.com");
    const key = ff.listingKeys[1]!;
    const before = (await viewJobs(ff.tenantId)).length;
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => view(ff, cookie, key)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect((await viewJobs(ff.tenantId)).length).toBe(before + 1);
  });

  it("refuses what it cannot record and changes nothing: not signed in, bad key, unknown or another tenant's listing", async () => {
    const cookie = await signedUp(sl, "shore@example.com");
    const before = { ff: (await viewJobs(ff.tenantId)).length, sl: (await viewJobs(sl.tenantId)).length };
    const rows = await testDb().db.listingView.count();
    expect((await view(sl, undefined, sl.listingKeys[0])).status).toBe(401);
    const bad = await view(sl, cookie, "");
    expect([bad.status, (await bad.json()).error]).toEqual([422, "validation_failed"]);
    expect((await view(sl, cookie, { $ne: 1 })).status).toBe(422);
    expect((await view(sl, cookie, "NOPE-1")).status).toBe(404);
    // Fairfield's listing on Shoreline's site is unknown there; Shoreline's session on Fairfield is nobody.
    expect((await view(sl, cookie, ff.listingKeys[0])).status).toBe(404);
    expect((await view(ff, cookie, ff.listingKeys[0])).status).toBe(401);
    expect(await testDb().db.listingView.count()).toBe(rows);
    expect({ ff: (await viewJobs(ff.tenantId)).length, sl: (await viewJobs(sl.tenantId)).length }).toEqual(before);
    // The same visitor's own listing on its own site counts.
    expect((await view(sl, cookie, sl.listingKeys[0])).status).toBe(202);
  });
});
