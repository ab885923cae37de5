import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { getListing, getListingsByKeys, listFeaturedListings, listListingFacets, searchListings } from "../src/listings";
import { createListings } from "./support/listing-fixtures";

const testDb = useTestDatabase("listings_search");

describe("searchListings", () => {
  it("filters by every criterion, scoped to the tenant", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "ls-a" });
    const b = await createTenantFixture(db, { slug: "ls-b" });
    await createListings(db, a.tenantId, [
      { ListingKey: "A1", ListPrice: 400_000, BedroomsTotal: 2, BathroomsTotalInteger: 1, townSlug: "fairfield" },
      {
        ListingKey: "A2",
        ListPrice: 650_000,
        BedroomsTotal: 4,
        BathroomsTotalInteger: 3,
        townSlug: "fairfield",
        PublicRemarks: "Sunny kitchen with water views",
      },
      {
        ListingKey: "A3",
        ListPrice: 900_000,
        BedroomsTotal: 5,
        BathroomsTotalInteger: 4,
        townSlug: "westport",
        City: "Westport",
        PropertySubType: "Condominium",
      },
      { ListingKey: "A4", ListPrice: 700_000, BedroomsTotal: 4, StandardStatus: "Closed", ClosePrice: 690_000 },
      { ListingKey: "A5", ListPrice: 720_000, BedroomsTotal: 4, neighborhoodSlug: "southport" },
    ]);
    await createListings(db, b.tenantId, [{ ListingKey: "B1", ListPrice: 650_000, BedroomsTotal: 4 }]);
    const keys = async (filters: Parameters<typeof searchListings>[0]["filters"]) =>
      (await searchListings({ tenantId: a.tenantId, filters, sort: "price-asc" })).items.map((i) => i.ListingKey);

    expect(await keys({})).toEqual(["A1", "A2", "A5", "A3"]);
    expect(await keys({ town: "fairfield" })).toEqual(["A1", "A2", "A5"]);
    expect(await keys({ minPrice: 600_000, maxPrice: 800_000 })).toEqual(["A2", "A5"]);
    expect(await keys({ beds: 4 })).toEqual(["A2", "A5", "A3"]);
    expect(await keys({ baths: 3 })).toEqual(["A2", "A3"]);
    expect(await keys({ propertyTypes: ["Condominium"] })).toEqual(["A3"]);
    expect(await keys({ statuses: ["Closed"] })).toEqual(["A4"]);
    expect(await keys({ q: "WATER views" })).toEqual(["A2"]);
    expect(await keys({ q: "westport" })).toEqual(["A3"]);
    expect(await keys({ neighborhood: "southport" })).toEqual(["A5"]);
    expect(await keys({ town: "fairfield", beds: 3, maxPrice: 700_000 })).toEqual(["A2"]);
    expect((await searchListings({ tenantId: b.tenantId })).items.map((i) => i.ListingKey)).toEqual(["B1"]);
  });

  it("sorts, paginates and counts", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "ls-page" });
    await createListings(
      db,
      t.tenantId,
      Array.from({ length: 25 }, (_, i) => ({
        ListingKey: `P${String(i).padStart(2, "0")}`,
        ListPrice: 100_000 + i * 10_000,
        LivingArea: 1000 + (i % 5) * 100,
      })),
    );
    const page1 = await searchListings({ tenantId: t.tenantId, sort: "price-desc", page: 1, pageSize: 10 });
    expect(page1.total).toBe(25);
    expect(page1.pageCount).toBe(3);
    expect(page1.items[0]?.ListingKey).toBe("P24");
    const page3 = await searchListings({ tenantId: t.tenantId, sort: "price-desc", page: 3, pageSize: 10 });
    expect(page3.items.map((i) => i.ListingKey)).toEqual(["P04", "P03", "P02", "P01", "P00"]);
    const newest = await searchListings({ tenantId: t.tenantId, pageSize: 1 });
    expect(newest.items[0]?.ListingKey).toBe("P24");
    const beyond = await searchListings({ tenantId: t.tenantId, page: 99, pageSize: 10 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(25);
  });
});

describe("single listings", () => {
  it("reads a listing by key only within its tenant", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "gl-a" });
    const b = await createTenantFixture(db, { slug: "gl-b" });
    await createListings(db, a.tenantId, [{ ListingKey: "SHARED-1", PublicRemarks: "A's house", ListingContractDate: new Date("2026-01-02") }]);
    await createListings(db, b.tenantId, [{ ListingKey: "ONLY-B" }]);
    const listing = await getListing({ tenantId: a.tenantId, listingKey: "SHARED-1" });
    expect(listing?.PublicRemarks).toBe("A's house");
    expect(listing?.Media).toEqual([{ url: "/media/listings/SHARED-1/1.svg", caption: "Front" }]);
    expect(listing?.ListingContractDate).toBe("2026-01-02T00:00:00.000Z");
    expect(await getListing({ tenantId: b.tenantId, listingKey: "SHARED-1" })).toBeNull();
    expect(await getListing({ tenantId: a.tenantId, listingKey: "ONLY-B" })).toBeNull();
    expect((await getListingsByKeys({ tenantId: a.tenantId, listingKeys: ["ONLY-B", "SHARED-1", "NOPE"] })).map((l) => l.ListingKey)).toEqual(["SHARED-1"]);
  });

  it("features the newest active listings and lists facets", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "feat" });
    await createListings(db, t.tenantId, [
      { ListingKey: "F1", ModificationTimestamp: new Date("2026-02-01") },
      { ListingKey: "F2", ModificationTimestamp: new Date("2026-03-01"), PropertySubType: "Condominium", ListPrice: 300_000 },
      { ListingKey: "F3", ModificationTimestamp: new Date("2026-04-01"), StandardStatus: "Pending", ListPrice: 1_200_000 },
      { ListingKey: "F4", ModificationTimestamp: new Date("2026-01-01"), Media: "not an array" },
    ]);
    const featured = await listFeaturedListings({ tenantId: t.tenantId, limit: 2 });
    expect(featured.map((f) => f.ListingKey)).toEqual(["F2", "F1"]);
    const all = await listFeaturedListings({ tenantId: t.tenantId, limit: 10 });
    expect(all.find((l) => l.ListingKey === "F4")?.Media).toEqual([]);
    const facets = await listListingFacets({ tenantId: t.tenantId });
    expect(facets.propertyTypes).toEqual([
      { value: "Single Family Residence", count: 3 },
      { value: "Condominium", count: 1 },
    ]);
    expect(facets.statuses).toEqual([
      { value: "Active", count: 3 },
      { value: "Pending", count: 1 },
    ]);
    expect([facets.minPrice, facets.maxPrice]).toEqual([300_000, 1_200_000]);
  });
});
