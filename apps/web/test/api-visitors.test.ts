import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { POST as signOut } from "@/app/api/auth/sign-out/route";
import { POST as signUp } from "@/app/api/auth/sign-up/route";
import { GET as getProfile, PUT as putProfile } from "@/app/api/user/profile/route";
import { DELETE as unsaveListing, GET as savedListings, POST as saveListing } from "@/app/api/user/saved-listings/route";
import { POST as saveSearch } from "@/app/api/user/saved-searches/route";
import { POST as sync } from "@/app/api/user/sync/route";
import { resetWebEnvForTests } from "@/lib/env";
import { apiRequest, cookiesFrom, freshIp } from "./support/api-request";
import { createWebTenant, FAIRFIELD, SHORELINE, type WebTenant } from "./support/web-fixtures";

const testDb = useTestDatabase("web_api_visitors");
let ff: WebTenant;
let sl: WebTenant;
const req = (t: WebTenant, path: string, o: Omit<Parameters<typeof apiRequest>[1], "host" | "tenantId"> = {}) =>
  apiRequest(path, { host: t.host, tenantId: t.tenantId, ip: freshIp(), ...o });
const jobTypes = async (tenantId: string) => (await testDb().db.ingestionJob.findMany({ where: { tenantId }, orderBy: { id: "asc" } })).map((j) => j.eventType);

beforeAll(async () => {
  process.env.WEB_FORM_MIN_FILL_MS = "1000";
  resetWebEnvForTests();
  ff = await createWebTenant(testDb().db, FAIRFIELD, { listingsPerTown: 3 });
  sl = await createWebTenant(testDb().db, SHORELINE, { listingsPerTown: 3 });
});

describe("visitor accounts over the API", () => {
  it("signs up per tenant with a hashed-session cookie, and the same email on another tenant is another account", async () => {
    const res = await signUp(req(ff, "/api/auth/sign-up", { json: { email: "Buyer@Example.com", password: "correct-horse", name: "Bea Buyer" } }));
    expect(res.status).toBe(201);
    const setCookie = res.headers.getSetCookie();
    const session = setCookie.find((c) => c.startsWith("visitor_session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    const token = decodeURIComponent(session.split(";")[0]!.split("=")[1]!);
    const stored = await testDb().db.visitorSession.findMany({ where: { tenantId: ff.tenantId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toBe(token);
    expect(await jobTypes(ff.tenantId)).toEqual(["visitor.verify-email", "visitor.registered"]);

    const dup = await signUp(req(ff, "/api/auth/sign-up", { json: { email: "buyer@example.com", password: "another-one" } }));
    expect([dup.status, (await dup.json()).error]).toEqual([409, "email_taken"]);
    expect((await signUp(req(sl, "/api/auth/sign-up", { json: { email: "buyer@example.com", password: "shoreline-pw" } }))).status).toBe(201);
    expect(await testDb().db.visitor.count({ where: { email: "buyer@example.com" } })).toBe(2);
    const short = await signUp(req(ff, "/api/auth/sign-up", { json: { email: "x@example.com", password: "short" } }));
    expect([short.status, (await short.json()).fields]).toEqual([422, { password: "Use at least 8 characters" }]);
    const formBad = await signUp(req(ff, "/api/auth/sign-up", { form: { email: "dup@example.com", password: "p", startedAt: String(Date.now() - 5000) } }));
    expect([formBad.status, formBad.headers.get("location")]).toEqual([303, "/sign-up?error=invalid_password"]);
    // The page names the field that was refused, the first one a person reads.
    const badForms: [Record<string, string>, string][] = [
      [{ email: "not-an-email", password: "long-enough" }, "invalid_email"],
      [{ email: "p1@example.com", password: "long-enough", phone: "12" }, "invalid_phone"],
      [{ email: "bad", password: "p", name: "x".repeat(121) }, "invalid_name"],
    ];
    for (const [form, code] of badForms) {
      const res = await signUp(req(ff, "/api/auth/sign-up", { form: { ...form, startedAt: String(Date.now() - 5000) } }));
      expect(res.headers.get("location"), code).toBe(`/sign-up?error=${code}`);
    }
    const tooFast = await signUp(req(ff, "/api/auth/sign-up", { form: { email: "fast@example.com", password: "long-enough", startedAt: String(Date.now()) } }));
    expect(tooFast.headers.get("location")).toBe("/sign-up?error=sent_too_fast");
    expect(await testDb().db.visitor.count({ where: { email: { in: ["not-an-email", "p1@example.com", "fast@example.com"] } } })).toBe(0);
  });

  it("signs in only with this tenant's password and keeps /api/user/* scoped to the tenant", async () => {
    await signUp(req(ff, "/api/auth/sign-up", { json: { email: "scope@example.com", password: "fairfield-pw" } }));
    await signUp(req(sl, "/api/auth/sign-up", { json: { email: "scope@example.com", password: "shoreline-pw" } }));
    expect((await signIn(req(ff, "/api/auth/sign-in", { json: { email: "scope@example.com", password: "shoreline-pw" } }))).status).toBe(401);
    const ok = await signIn(req(ff, "/api/auth/sign-in", { json: { email: "SCOPE@example.com", password: "fairfield-pw" } }));
    expect(ok.status).toBe(200);
    const cookie = cookiesFrom(ok);
    const mine = await getProfile(req(ff, "/api/user/profile", { cookie }));
    expect([mine.status, (await mine.json()).profile.email]).toEqual([200, "scope@example.com"]);
    // The Fairfield session presented to Shoreline is nobody there.
    expect((await getProfile(req(sl, "/api/user/profile", { cookie }))).status).toBe(401);
    expect((await getProfile(req(ff, "/api/user/profile"))).status).toBe(401);
    const form = await signIn(req(ff, "/api/auth/sign-in", { form: { email: "scope@example.com", password: "wrong", next: "/account" } }));
    expect(form.headers.get("location")).toBe("/sign-in?error=invalid_credentials&next=%2Faccount");
    const evil = await signIn(req(ff, "/api/auth/sign-in", { form: { email: "scope@example.com", password: "fairfield-pw", next: "//evil.example" } }));
    expect(evil.headers.get("location")).toBe("/account");
  });

  it("locks a visitor account after 5 wrong passwords, whatever the client address; the same answer for an unknown email; another site's account is untouched", async () => {
    await signUp(req(ff, "/api/auth/sign-up", { json: { email: "guessed@example.com", password: "fairfield-pw" } }));
    await signUp(req(sl, "/api/auth/sign-up", { json: { email: "guessed@example.com", password: "shoreline-pw" } }));
    for (const email of ["guessed@example.com", "unknown-visitor@example.com"]) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await signIn(req(ff, "/api/auth/sign-in", { json: { email, password: `guess-${i}-pw` } }))).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    }
    const locked = await signIn(req(ff, "/api/auth/sign-in", { json: { email: "guessed@example.com", password: "fairfield-pw" } }));
    expect([locked.status, (await locked.json()).error, Number(locked.headers.get("retry-after")) > 0]).toEqual([429, "too_many_attempts", true]);
    const form = await signIn(req(ff, "/api/auth/sign-in", { form: { email: "guessed@example.com", password: "fairfield-pw", next: "/account" } }));
    expect(form.headers.get("location")).toBe("/sign-in?error=too_many_attempts&next=%2Faccount");
    expect((await signIn(req(sl, "/api/auth/sign-in", { json: { email: "guessed@example.com", password: "shoreline-pw" } }))).status).toBe(200);
  }, 240_000);

  it("updates the profile with validation", async () => {
    const res = await signUp(req(ff, "/api/auth/sign-up", { json: { email: "profile@example.com", password: "profile-pw" } }));
    const cookie = cookiesFrom(res);
    const bad = await putProfile(req(ff, "/api/user/profile", { method: "PUT", cookie, json: { phone: "call me", extra: 1 } }));
    expect(bad.status).toBe(422);
    const good = await putProfile(
      req(ff, "/api/user/profile", { method: "PUT", cookie, json: { name: "Pat", phone: "(203) 555-0199", preferences: { emailAlerts: true } } }),
    );
    expect([good.status, (await good.json()).profile]).toEqual([
      200,
      expect.objectContaining({ name: "Pat", phone: "+12035550199", preferences: { emailAlerts: true } }),
    ]);
    expect((await putProfile(req(ff, "/api/user/profile", { method: "PUT", cookie, json: { name: "Hacker" }, origin: "https://evil.example" }))).status).toBe(
      403,
    );
  });

  it("saves homes and searches, emits the events once, and syncs anonymous saves idempotently", async () => {
    const res = await signUp(req(sl, "/api/auth/sign-up", { json: { email: "saver@example.com", password: "saver-pw1" } }));
    const cookie = cookiesFrom(res);
    const visitorId = (await res.json()).visitor.id as string;
    const [k1, k2, k3] = sl.listingKeys as [string, string, string];
    const first = await saveListing(req(sl, "/api/user/saved-listings", { cookie, json: { listingKey: k1 } }));
    expect([first.status, await first.json()]).toEqual([201, { listingKey: k1, saved: true, created: true }]);
    expect((await saveListing(req(sl, "/api/user/saved-listings", { cookie, json: { listingKey: k1 } }))).status).toBe(200);
    expect((await saveListing(req(sl, "/api/user/saved-listings", { cookie, json: { listingKey: ff.listingKeys[0] } }))).status).toBe(404);
    const anonymous = await saveListing(req(sl, "/api/user/saved-listings?listingKey=" + k1, { form: { listingKey: k1 } }));
    expect([anonymous.status, anonymous.headers.get("location")]).toEqual([303, `/sign-in?next=${encodeURIComponent(`/homes/${k1}`)}`]);

    const search = await saveSearch(
      req(sl, "/api/user/saved-searches", { cookie, json: { name: "Newport condos", query: { town: "newport", type: "condominium", page: "3" } } }),
    );
    expect([search.status, (await search.json()).query]).toEqual([201, { town: "newport", type: "condominium" }]);
    expect((await saveSearch(req(sl, "/api/user/saved-searches", { cookie, json: { name: "x", query: { evil: "1" } } }))).status).toBe(422);
    // The same search typed another way is the same saved search.
    const same = await saveSearch(
      req(sl, "/api/user/saved-searches", { cookie, json: { name: "Newport condos", query: { town: "Newport", type: "Condominium" } } }),
    );
    expect([same.status, (await same.json()).created]).toEqual([200, false]);
    // What the search page would ignore is refused, naming the parameter, and nothing is saved.
    const upsideDown = await saveSearch(
      req(sl, "/api/user/saved-searches", { cookie, json: { name: "x", query: { minPrice: "900000", maxPrice: "100000" } } }),
    );
    expect([upsideDown.status, await upsideDown.json()]).toEqual([
      422,
      { error: "validation_failed", fields: { maxPrice: "must not be lower than minPrice" } },
    ]);
    const foreignTown = await saveSearch(req(sl, "/api/user/saved-searches", { cookie, json: { name: "x", query: { town: "fairfield" } } }));
    expect([foreignTown.status, (await foreignTown.json()).fields]).toEqual([422, { town: "not a town we serve" }]);
    const formPost = await saveSearch(req(sl, "/api/user/saved-searches", { cookie, form: { name: "x", search: "minPrice=2m&maxPrice=1m" } }));
    expect(formPost.status).toBe(422);
    expect(await testDb().db.savedSearch.count({ where: { tenantId: sl.tenantId, visitorId } })).toBe(1);

    const body = { listingKeys: [k1, k2, k3, "NOT-A-LISTING"], searches: [{ name: "Cheap", query: { maxPrice: "400000" } }] };
    const synced = await sync(req(sl, "/api/user/sync", { cookie, json: body }));
    expect(await synced.json()).toEqual({ addedListingKeys: [k2, k3].sort(), unknownListingKeys: ["NOT-A-LISTING"], addedSearches: 1, invalidSearches: [] });
    const again = await sync(req(sl, "/api/user/sync", { cookie, json: body }));
    expect(await again.json()).toMatchObject({ addedListingKeys: [], addedSearches: 0 });
    expect((await sync(req(sl, "/api/user/sync", { cookie, json: { listingKeys: "nope" } }))).status).toBe(422);

    const keys = await (await savedListings(req(sl, "/api/user/saved-listings", { cookie }))).json();
    expect(keys.listingKeys.sort()).toEqual([k1, k2, k3].sort());
    expect((await unsaveListing(req(sl, `/api/user/saved-listings?listingKey=${k3}`, { method: "DELETE", cookie }))).status).toBe(200);
    const types = await jobTypes(sl.tenantId);
    expect(types.filter((t) => t === "listing.saved")).toHaveLength(1);
    expect(types.filter((t) => t === "search.saved")).toHaveLength(1);
    const saved = await testDb().db.ingestionJob.findFirst({ where: { tenantId: sl.tenantId, eventType: "listing.saved" } });
    expect(saved?.payload).toMatchObject({ payload: { visitorId, listingKey: k1, contact: { email: "saver@example.com" } } });
  });

  it("signs out: the session is gone", async () => {
    const res = await signUp(req(ff, "/api/auth/sign-up", { json: { email: "bye@example.com", password: "goodbye-pw" } }));
    const cookie = cookiesFrom(res);
    const out = await signOut(req(ff, "/api/auth/sign-out", { method: "POST", cookie }));
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().some((c) => c.startsWith("visitor_session=;") && /Max-Age=0/.test(c))).toBe(true);
    expect((await getProfile(req(ff, "/api/user/profile", { cookie }))).status).toBe(401);
  });
});
