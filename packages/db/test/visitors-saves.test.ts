import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "../src/testing";
import {
  canonicalSearchQuery,
  createVisitor,
  listSavedListingKeys,
  listSavedListings,
  listSavedSearches,
  removeSavedListing,
  removeSavedSearch,
  saveListing,
  saveSearch,
  syncVisitorSaves,
} from "../src/visitors";
import { createListings } from "./helpers/listing-fixtures";

const testDb = useTestDatabase("visitors_saves");

async function visitor(tenantId: string, email = "v@example.com") {
  const r = await createVisitor({ tenantId, email, password: "password-1" });
  if (!r.ok) throw new Error("setup");
  return r.visitor.id;
}

describe("saved homes and searches", () => {
  it("saves a home once, only a listing of the tenant, and lists it", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "sv-a" });
    const b = await createTenantFixture(db, { slug: "sv-b" });
    await createListings(db, a.tenantId, [{ ListingKey: "H1" }, { ListingKey: "H2" }]);
    await createListings(db, b.tenantId, [{ ListingKey: "HB" }]);
    const v = await visitor(a.tenantId);
    expect(await saveListing({ tenantId: a.tenantId, visitorId: v, listingKey: "H1" })).toEqual({ ok: true, created: true });
    expect(await saveListing({ tenantId: a.tenantId, visitorId: v, listingKey: "H1" })).toEqual({ ok: true, created: false });
    expect(await saveListing({ tenantId: a.tenantId, visitorId: v, listingKey: "HB" })).toEqual({ ok: false, error: "listing_not_found" });
    await saveListing({ tenantId: a.tenantId, visitorId: v, listingKey: "H2" });
    expect((await listSavedListings({ tenantId: a.tenantId, visitorId: v })).map((s) => s.listing.ListingKey).sort()).toEqual(["H1", "H2"]);
    expect(await listSavedListings({ tenantId: b.tenantId, visitorId: v })).toEqual([]);
    expect(await removeSavedListing({ tenantId: a.tenantId, visitorId: v, listingKey: "H2" })).toBe(true);
    expect(await removeSavedListing({ tenantId: a.tenantId, visitorId: v, listingKey: "H2" })).toBe(false);
    expect(await listSavedListingKeys({ tenantId: a.tenantId, visitorId: v })).toEqual(["H1"]);
  });

  it("saves a search once per canonical query", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "ss" });
    const v = await visitor(t.tenantId);
    expect(canonicalSearchQuery({ town: "fairfield", beds: "3", page: "2", junk: "x", q: " " }).queryKey).toBe("beds=3&town=fairfield");
    const first = await saveSearch({ tenantId: t.tenantId, visitorId: v, name: "3 beds", query: { town: "fairfield", beds: "3" } });
    const again = await saveSearch({ tenantId: t.tenantId, visitorId: v, name: "Renamed", query: { beds: "3", town: "fairfield", page: "4" } });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ id: first.id, created: false });
    const list = await listSavedSearches({ tenantId: t.tenantId, visitorId: v });
    expect(list.map((s) => [s.name, s.query])).toEqual([["Renamed", { beds: "3", town: "fairfield" }]]);
    const other = await createTenantFixture(db, { slug: "ss-other" });
    expect(await removeSavedSearch({ tenantId: other.tenantId, visitorId: v, savedSearchId: first.id })).toBe(false);
    expect(await removeSavedSearch({ tenantId: t.tenantId, visitorId: v, savedSearchId: "not-a-uuid" })).toBe(false);
    expect(await removeSavedSearch({ tenantId: t.tenantId, visitorId: v, savedSearchId: first.id })).toBe(true);
  });

  it("merges anonymous saves into the account idempotently", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "sync" });
    const other = await createTenantFixture(db, { slug: "sync-other" });
    await createListings(db, t.tenantId, [{ ListingKey: "S1" }, { ListingKey: "S2" }, { ListingKey: "S3" }]);
    await createListings(db, other.tenantId, [{ ListingKey: "FOREIGN" }]);
    const v = await visitor(t.tenantId);
    await saveListing({ tenantId: t.tenantId, visitorId: v, listingKey: "S1" });
    const input = {
      tenantId: t.tenantId,
      visitorId: v,
      listingKeys: ["S1", "S2", "S3", "S2", "FOREIGN", "MISSING"],
      searches: [{ name: "Condos", query: { type: "condominium" } }, { name: "Same condos", query: { type: "condominium", page: "2" } }],
    };
    const first = await syncVisitorSaves(input);
    expect(first).toEqual({ addedListingKeys: ["S2", "S3"], unknownListingKeys: ["FOREIGN", "MISSING"], addedSearches: 1 });
    const second = await syncVisitorSaves(input);
    expect(second).toEqual({ addedListingKeys: [], unknownListingKeys: ["FOREIGN", "MISSING"], addedSearches: 0 });
    expect((await listSavedListingKeys({ tenantId: t.tenantId, visitorId: v })).sort()).toEqual(["S1", "S2", "S3"]);
    expect(await listSavedSearches({ tenantId: t.tenantId, visitorId: v })).toHaveLength(1);
  });
});
