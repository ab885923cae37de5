import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { resetWebEnvForTests } from "@/lib/env";
import { loadAreaModules } from "@/lib/providers/area-modules";
import { clearPlaceDetailsMemory } from "@/lib/providers/area-providers";
import { searchNearbyPlaces } from "@/lib/providers/google-places-client";
import { fetchWalkScore } from "@/lib/providers/walk-score-client";
import { FAIRFIELD_AREA, townModules } from "./support/area-modules-fixture";
import { startFakeProviderServer, type FakeProviderServer } from "./support/fake-provider-server";
import { createWebTenant, FAIRFIELD, SHORELINE, type WebTenant } from "./support/web-fixtures";

const testDb = useTestDatabase("web_providers");
let fake: FakeProviderServer;
let fairfield: WebTenant;
let shoreline: WebTenant;

const area = FAIRFIELD_AREA;
const setKeys = (tenantId: string, walkScoreApiKey: string | null, googlePlacesApiKey: string | null) =>
  testDb().db.websiteConfig.update({ where: { tenantId }, data: { walkScoreApiKey, googlePlacesApiKey } });

beforeAll(async () => {
  fake = await startFakeProviderServer();
  process.env.WALKSCORE_BASE_URL = fake.url;
  process.env.GOOGLE_PLACES_BASE_URL = fake.url;
  delete process.env.WALKSCORE_API_KEY;
  delete process.env.GOOGLE_PLACES_API_KEY;
  resetWebEnvForTests();
  fairfield = await createWebTenant(testDb().db, FAIRFIELD, { listingsPerTown: 3 });
  shoreline = await createWebTenant(testDb().db, SHORELINE, { listingsPerTown: 3 });
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.requests.length = 0;
  fake.failing(false);
  clearPlaceDetailsMemory();
  await testDb().db.providerCacheEntry.deleteMany({ where: { tenantId: { in: [fairfield.tenantId, shoreline.tenantId] } } });
});

describe("provider HTTP clients", () => {
  it("calls Walk Score with the key, point and address, and keeps only the scores", async () => {
    const scores = await fetchWalkScore({ baseUrl: fake.url, apiKey: "ws-key", latitude: 41.1, longitude: -73.2, address: "Fairfield, CT", timeoutMs: 2000 });
    expect(scores).toEqual({ walk: 88, transit: 41, bike: 67, description: "Very Walkable", link: "https://www.walkscore.com/score/x" });
    const req = fake.requests[0]!;
    expect([req.query.get("format"), req.query.get("lat"), req.query.get("lon"), req.query.get("address"), req.query.get("wsapikey")]).toEqual([
      "json",
      "41.1",
      "-73.2",
      "Fairfield, CT",
      "ws-key",
    ]);
    expect(await fetchWalkScore({ baseUrl: fake.url, apiKey: "wrong", latitude: 1, longitude: 1, address: "x", timeoutMs: 2000 })).toBeNull();
  });

  it("calls places:searchNearby with the key and field mask headers", async () => {
    const places = await searchNearbyPlaces({
      baseUrl: fake.url,
      apiKey: "gp-key",
      latitude: 41.1,
      longitude: -73.2,
      includedTypes: ["park"],
      timeoutMs: 2000,
    });
    expect(places?.map((p) => p.name)).toEqual(["Harbor Park", "Main Street Bistro"]);
    const req = fake.requests[0]!;
    expect(req.headers["x-goog-api-key"]).toBe("gp-key");
    expect(String(req.headers["x-goog-fieldmask"])).toContain("places.id");
    expect(JSON.parse(req.body)).toMatchObject({ includedTypes: ["park"], locationRestriction: { circle: { center: { latitude: 41.1, longitude: -73.2 } } } });
    expect(await searchNearbyPlaces({ baseUrl: fake.url, apiKey: "bad", latitude: 1, longitude: 1, includedTypes: ["park"], timeoutMs: 2000 })).toBeNull();
  });
});

describe("area modules and their providers", () => {
  it("never calls the provider of a module that is switched off", async () => {
    await setKeys(fairfield.tenantId, "ws-key", "gp-key");
    const views = await loadAreaModules({ tenantId: fairfield.tenantId, area, modules: townModules("at-a-glance", "listings") });
    expect(views.map((v) => v.key)).toEqual(["at-a-glance", "listings"]);
    expect(fake.requests).toHaveLength(0);
    const disabled = townModules("walk-score", "nearby-places").map((m) => ({ ...m, enabled: false }));
    expect(await loadAreaModules({ tenantId: fairfield.tenantId, area, modules: disabled })).toEqual([]);
    expect(fake.requests).toHaveLength(0);
    expect(await testDb().db.providerCacheEntry.count({ where: { tenantId: fairfield.tenantId } })).toBe(0);
  });

  it("uses the live providers when keyed, caches per tenant and point, and stores only scores and place ids", async () => {
    await setKeys(fairfield.tenantId, "ws-key", "gp-key");
    await setKeys(shoreline.tenantId, "ws-key", "gp-key");
    const first = await loadAreaModules({ tenantId: fairfield.tenantId, area, modules: townModules("walk-score", "nearby-places") });
    expect(first.map((v) => v.key)).toEqual(["walk-score", "nearby-places"]);
    expect(first[0]).toMatchObject({ walkScore: { source: "walkscore", scores: { walk: 88 } } });
    expect(first[1]).toMatchObject({ places: { source: "google", places: [{ name: "Harbor Park" }, { name: "Main Street Bistro" }] } });
    expect([fake.count("/score"), fake.count("/v1/places:searchNearby")]).toEqual([1, 1]);

    const rows = await testDb().db.providerCacheEntry.findMany({ where: { tenantId: fairfield.tenantId }, orderBy: { provider: "asc" } });
    expect(rows.map((r) => r.value)).toEqual([
      { placeIds: ["place-1", "place-2"] },
      { walk: 88, transit: 41, bike: 67, description: "Very Walkable", link: "https://www.walkscore.com/score/x" },
    ]);

    await loadAreaModules({ tenantId: fairfield.tenantId, area, modules: townModules("walk-score", "nearby-places") });
    expect(fake.requests).toHaveLength(2);
    clearPlaceDetailsMemory();
    const again = await loadAreaModules({ tenantId: fairfield.tenantId, area, modules: townModules("nearby-places") });
    expect(again[0]).toMatchObject({ places: { source: "google", places: [{ name: "Harbor Park" }, { name: "Main Street Bistro" }] } });
    expect([fake.count("/v1/places:searchNearby"), fake.count("/v1/places/")]).toEqual([1, 2]);

    await loadAreaModules({ tenantId: shoreline.tenantId, area, modules: townModules("walk-score") });
    expect(fake.count("/score")).toBe(2);
  });

  it("shows the seeded sample values without a key, or when the provider fails, and hides modules with nothing to show", async () => {
    await setKeys(fairfield.tenantId, null, null);
    const views = await loadAreaModules({ tenantId: fairfield.tenantId, area, modules: townModules("walk-score", "nearby-places", "taxes", "schools") });
    expect(views.map((v) => v.key)).toEqual(["walk-score", "nearby-places"]);
    expect(views[0]).toMatchObject({ walkScore: { source: "sample", scores: { walk: 62 } } });
    expect(fake.requests).toHaveLength(0);

    await setKeys(fairfield.tenantId, "ws-key", "gp-key");
    fake.failing(true);
    const fallback = await loadAreaModules({ tenantId: fairfield.tenantId, area, modules: townModules("walk-score", "nearby-places") });
    expect(fallback[0]).toMatchObject({ walkScore: { source: "sample" } });
    expect(fallback[1]).toMatchObject({ places: { source: "sample", places: [{ name: "Town Green (sample)" }] } });
    const bare = await loadAreaModules({ tenantId: fairfield.tenantId, area: { ...area, content: {} }, modules: townModules("walk-score", "nearby-places") });
    expect(bare).toEqual([]);
  });
});
