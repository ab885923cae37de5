// A member's own profile (name, phone, photo) over the CRM's routes, on the real database, two
// tenants: validated (bad phone, bad or oversized image: 4xx and nothing changed), photos checked
// by their bytes and served with their own type, and nobody reaches another brokerage's profiles.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import * as profileRoute from "../app/api/profile/route";
import * as photoRoute from "../app/api/profile/photo/route";
import * as memberPhotoRoute from "../app/api/members/[membershipId]/photo/route";
import { call } from "./support/api-client";
import { setUpTwoTenants, type Side } from "./support/two-tenants";
import { BROKEN_PNG, GIF, JPEG, PNG, SVG, WEBP } from "./support/sample-images";

const testDb = useTestDatabase("a17_profiles");

let a: Side;
let b: Side;
beforeAll(async () => {
  ({ a, b } = await setUpTwoTenants(testDb().db));
});

const membership = (side: Side, who: "owner" | "agent" = "agent") =>
  testDb().db.tenantMembership.findUniqueOrThrow({ where: { tenantId_id: { tenantId: side.tenantId, id: side[who].membershipId } } });
const storedPhoto = (side: Side, who: "owner" | "agent" = "agent") =>
  testDb().db.memberPhoto.findUnique({ where: { tenantId_membershipId: { tenantId: side.tenantId, membershipId: side[who].membershipId } } });

const patch = (side: Side, body: unknown, cookie = side.agentCookie) =>
  call(profileRoute.PATCH, { host: side.crmHost, path: "/api/profile", method: "PATCH", creds: { cookie }, body });

/** PUT /api/profile/photo with raw bytes (and whatever Content-Type the client claims). */
async function putPhoto(side: Side, bytes: Buffer, options: { cookie?: string; contentType?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers({ host: side.crmHost, cookie: options.cookie ?? side.agentCookie, ...options.headers });
  if (options.contentType) headers.set("content-type", options.contentType);
  const request = new Request(`http://${side.crmHost}/api/profile/photo`, { method: "PUT", headers, body: new Uint8Array(bytes) });
  const response = await photoRoute.PUT(request, { params: Promise.resolve({}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** GET a member's photo through the CRM: raw bytes and headers. */
async function getPhoto(side: Side, membershipId: string, options: { cookie?: string; version?: string; ifNoneMatch?: string } = {}) {
  const headers = new Headers({ host: side.crmHost, cookie: options.cookie ?? side.agentCookie });
  if (options.ifNoneMatch) headers.set("if-none-match", options.ifNoneMatch);
  const request = new Request(`http://${side.crmHost}/api/members/${membershipId}/photo${options.version ? `?v=${options.version}` : ""}`, { headers });
  const response = await memberPhotoRoute.GET(request, { params: Promise.resolve({ membershipId }) });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe("a member's profile", () => {
  it("a member sets their name and phone: the phone is read in the brokerage's country, stored E.164 and answered formatted", async () => {
    const r = await patch(a, { displayName: "  Dana Agent  ", phone: "(203) 555-0142 x7", mlsAgentKey: "AG-77" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      membershipId: a.agent.membershipId,
      name: "Dana Agent",
      displayName: "Dana Agent",
      phone: "+12035550142",
      phoneExtension: "7",
      phoneFormatted: "(203) 555-0142 ext. 7",
      mlsAgentKey: "AG-77",
      photoUrl: null,
    });
    expect(await membership(a)).toMatchObject({ displayName: "Dana Agent", phone: "+12035550142", phoneExtension: "7", mlsAgentKey: "AG-77" });
    const read = await call(profileRoute.GET, { host: a.crmHost, path: "/api/profile", creds: { cookie: a.agentCookie } });
    expect(read.status).toBe(200);
    expect(read.body.name).toBe("Dana Agent");
    // Only what is sent changes; null clears (the account's name is shown again).
    const cleared = await patch(a, { displayName: null });
    expect(cleared.body).toMatchObject({ displayName: null, name: "Alpha Agent", phone: "+12035550142" });
    await patch(a, { displayName: "Dana Agent" });
  });

  it("bad fields get 422 naming the field and change nothing", async () => {
    const before = await membership(a);
    for (const body of [
      { phone: "12" },
      { phone: "555-0100-000-000-000" },
      { phone: "not a phone" },
      { phone: "x".repeat(41) },
      { displayName: "x".repeat(81) },
      { displayName: "<script>" },
      { displayName: "tab\there" },
      { mlsAgentKey: "has spaces" },
      { displayName: "Ok", membershipId: b.agent.membershipId },
      { displayName: "Ok", tenantId: b.tenantId },
      { phone: 2035550142 },
      {},
    ]) {
      const r = await patch(a, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.error).toBe("validation_failed");
    }
    const bad = await patch(a, { displayName: "Someone Else", phone: "12" });
    expect(bad.body.fields.phone[0]).toMatch(/too short/i);
    const malformed = await call(profileRoute.PATCH, {
      host: a.crmHost,
      path: "/api/profile",
      method: "PATCH",
      creds: { cookie: a.agentCookie },
      rawBody: "{nope",
    });
    expect(malformed.status).toBe(400);
    expect(await membership(a)).toEqual(before);
  });

  it("photos: JPEG, PNG and WebP by their bytes (whatever the client claims), served with their own type and cache headers", async () => {
    for (const [bytes, type] of [
      [PNG, "image/png"],
      [WEBP, "image/webp"],
      [JPEG, "image/jpeg"],
    ] as const) {
      const r = await putPhoto(a, bytes, { contentType: "application/octet-stream" });
      expect(r.status, type).toBe(200);
      expect(r.body.photoUrl).toMatch(new RegExp(`^/api/members/${a.agent.membershipId}/photo\\?v=[0-9a-f]{16}$`));
      const stored = await storedPhoto(a);
      expect(stored?.contentType).toBe(type);
      const version = new URL(r.body.photoUrl, "http://x").searchParams.get("v")!;
      const served = await getPhoto(a, a.agent.membershipId, { version });
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe(type);
      expect(served.headers.get("x-content-type-options")).toBe("nosniff");
      expect(served.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
      expect(served.bytes.equals(Buffer.from(stored!.bytes))).toBe(true);
      // An older URL still shows the current photo, briefly cached; the ETag answers 304.
      expect((await getPhoto(a, a.agent.membershipId, { version: "0000000000000000" })).headers.get("cache-control")).toBe("private, max-age=300");
      expect((await getPhoto(a, a.agent.membershipId, { version, ifNoneMatch: served.headers.get("etag")! })).status).toBe(304);
    }
    // The owner of the same brokerage sees the agent's photo (the team list).
    expect((await getPhoto(a, a.agent.membershipId, { cookie: a.ownerCookie })).status).toBe(200);
  });

  it("refused uploads (too large, another type, a fake or broken image, empty) get 4xx and leave the photo as it was", async () => {
    expect((await putPhoto(a, PNG)).status).toBe(200);
    const before = await membership(a);
    const photoBefore = await storedPhoto(a);
    const tooLarge = Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)]);
    const cases: [string, Buffer, string | undefined, number][] = [
      ["too large", tooLarge, "image/jpeg", 413],
      ["a GIF", GIF, "image/gif", 415],
      ["an SVG claiming to be a PNG", SVG, "image/png", 415],
      ["text claiming to be a JPEG", Buffer.from("hello, world"), "image/jpeg", 415],
      ["a PNG signature over garbage", BROKEN_PNG, "image/png", 422],
      ["nothing", Buffer.alloc(0), "image/png", 422],
    ];
    for (const [label, bytes, contentType, status] of cases) {
      const r = await putPhoto(a, bytes, { contentType });
      expect(r.status, label).toBe(status);
      expect(r.body.fields.photo[0], label).toBeTruthy();
    }
    expect(await membership(a)).toEqual(before);
    expect(await storedPhoto(a)).toEqual(photoBefore);
  });

  it("an API key cannot change a person's profile, a signed-out caller gets 401, another site's page 403", async () => {
    const before = await membership(a);
    const byKey = await call(profileRoute.PATCH, {
      host: a.crmHost,
      path: "/api/profile",
      method: "PATCH",
      creds: { bearer: a.apiKey },
      body: { displayName: "Key" },
    });
    expect(byKey.status).toBe(403);
    expect(byKey.body.error).toBe("session_required");
    const signedOut = await call(profileRoute.PATCH, { host: a.crmHost, path: "/api/profile", method: "PATCH", body: { displayName: "Nobody" } });
    expect(signedOut.status).toBe(401);
    const crossSite = await putPhoto(a, JPEG, { headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(await membership(a)).toEqual(before);
  });
});

describe("two tenants", () => {
  it("a member of A cannot read or change B's profiles, and photo URLs answer only on their own brokerage's host", async () => {
    expect((await putPhoto(b, WEBP)).status).toBe(200);
    await patch(b, { displayName: "Bea Beta", phone: "+1 212 555 0199" });
    const bBefore = await membership(b);
    const bPhotoBefore = await storedPhoto(b);

    // A's cookie on B's host is not a member there: nothing read, nothing changed.
    const readAcross = await call(profileRoute.GET, { host: b.crmHost, path: "/api/profile", creds: { cookie: a.agentCookie } });
    expect([401, 404]).toContain(readAcross.status);
    expect(JSON.stringify(readAcross.body)).not.toContain("Bea Beta");
    const writeAcross = await patch(b, { displayName: "Hijacked" }, a.agentCookie);
    expect([401, 404]).toContain(writeAcross.status);
    const photoAcross = await putPhoto(b, PNG, { cookie: a.agentCookie });
    expect([401, 404]).toContain(photoAcross.status);

    // B's member photo through A's host (A's signed-in member, A's API key): 404, no bytes.
    const viaA = await getPhoto(a, b.agent.membershipId);
    expect(viaA.status).toBe(404);
    expect(viaA.bytes.length).toBeLessThan(20);
    expect((await getPhoto(a, b.agent.membershipId, { cookie: "" })).status).toBe(401);
    // B's own host with A's cookie: not a member of B.
    expect([401, 404]).toContain((await getPhoto(b, b.agent.membershipId, { cookie: a.agentCookie })).status);
    // Its own host, its own member: served.
    expect((await getPhoto(b, b.agent.membershipId, { cookie: b.ownerCookie })).status).toBe(200);

    // A's member changes only A's own row.
    expect((await patch(a, { displayName: "Dana Agent" })).status).toBe(200);
    expect(await membership(b)).toEqual(bBefore);
    expect(await storedPhoto(b)).toEqual(bPhotoBefore);
  });
});
