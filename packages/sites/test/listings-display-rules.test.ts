import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { getListing, getListingsByKeys, listFeaturedListings, listListingKeys, listListingPoints, searchListings } from "../src/listings";
import { createListings } from "./support/listing-fixtures";

const testDb = useTestDatabase("listings_display_rules");

describe("MLS display rules and the new search filters", () => {
  it("never shows a listing flagged not for internet display, and withholds a flagged address", async () => {
    const { db } = testDb();
    const { tenantId } = await createTenantFixture(db, { slug: "dr-a" });
    await createListings(db, tenantId, [
      { ListingKey: "DR-SHOWN", Latitude: 41.1, Longitude: -73.2, ListOfficeName: "Harbor Realty" },
      { ListingKey: "DR-HIDDEN", InternetEntireListingDisplayYN: false, Latitude: 41.1, Longitude: -73.2 },
      {
        ListingKey: "DR-NOADDR",
        InternetAddressDisplayYN: false,
        UnparsedAddress: "12 Secret Lane",
        StreetName: "Secret Lane",
        Latitude: 41.1,
        Longitude: -73.2,
      },
    ]);
    const search = await searchListings({ tenantId });
    expect(search.items.map((i) => i.ListingKey).sort()).toEqual(["DR-NOADDR", "DR-SHOWN"]);
    expect(search.total).toBe(2);
    expect(await getListing({ tenantId, listingKey: "DR-HIDDEN" })).toBeNull();
    expect((await getListingsByKeys({ tenantId, listingKeys: ["DR-HIDDEN", "DR-SHOWN"] })).map((l) => l.ListingKey)).toEqual(["DR-SHOWN"]);
    expect((await listFeaturedListings({ tenantId })).some((l) => l.ListingKey === "DR-HIDDEN")).toBe(false);
    expect((await listListingKeys({ tenantId })).map((k) => k.listingKey)).not.toContain("DR-HIDDEN");

    const withheld = (await getListing({ tenantId, listingKey: "DR-NOADDR" }))!;
    expect(JSON.stringify(withheld)).not.toContain("Secret Lane");
    expect(withheld).toMatchObject({ Latitude: null, Longitude: null, StreetName: null });
    expect(withheld.UnparsedAddress).toContain("Address withheld");
    expect((await getListing({ tenantId, listingKey: "DR-SHOWN" }))!.ListOfficeName).toBe("Harbor Realty");
    const points = await listListingPoints({ tenantId });
    expect(points.points.map((p) => p.key)).toEqual(["DR-SHOWN"]);
  });

  it("filters by living area, lot size, year built, days on market and map bounds", async () => {
    const { db } = testDb();
    const { tenantId } = await createTenantFixture(db, { slug: "dr-b" });
    const recent = new Date(Date.now() - 3 * 86_400_000);
    const old = new Date(Date.now() - 90 * 86_400_000);
    await createListings(db, tenantId, [
      { ListingKey: "F-BIG", LivingArea: 4_000, LotSizeAcres: 2, YearBuilt: 2015, OnMarketDate: recent, Latitude: 41.15, Longitude: -73.25 },
      { ListingKey: "F-SMALL", LivingArea: 900, LotSizeAcres: 0.1, YearBuilt: 1920, OnMarketDate: old, Latitude: 42.5, Longitude: -71.0 },
    ]);
    const keys = async (filters: Parameters<typeof searchListings>[0]["filters"]) =>
      (await searchListings({ tenantId, filters })).items.map((i) => i.ListingKey);
    expect(await keys({ minLivingArea: 2_000 })).toEqual(["F-BIG"]);
    expect(await keys({ minLotAcres: 1 })).toEqual(["F-BIG"]);
    expect(await keys({ minYearBuilt: 2000 })).toEqual(["F-BIG"]);
    expect(await keys({ newWithinDays: 7 })).toEqual(["F-BIG"]);
    expect(await keys({ bounds: { west: -74, south: 41, east: -73, north: 41.5 } })).toEqual(["F-BIG"]);
    expect((await keys({})).sort()).toEqual(["F-BIG", "F-SMALL"]);
    // Another tenant's bounds search sees nothing of this one.
    const other = await createTenantFixture(db, { slug: "dr-c" });
    expect((await searchListings({ tenantId: other.tenantId, filters: { bounds: { west: -180, south: -90, east: 180, north: 90 } } })).total).toBe(0);
  });
});
