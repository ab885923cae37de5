import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
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
import { upsertTown } from "../src/areas";
import { createListings } from "./support/listing-fixtures";

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

  /** A tenant serving Fairfield and Westport, with condominiums and single-family homes. */
  async function searchableTenant(slug: string) {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug });
    await upsertTown({ tenantId: t.tenantId, town: { slug: "fairfield", name: "Fairfield", state: "CT", summary: "F" } });
    await upsertTown({ tenantId: t.tenantId, town: { slug: "westport", name: "Westport", state: "CT", summary: "W" } });
    await createListings(db, t.tenantId, [{ townSlug: "fairfield" }, { townSlug: "westport", PropertySubType: "Condominium" }]);
    return t;
  }

  it("saves a search once, in the search page's own form, however it was typed", async () => {
    const t = await searchableTenant("ss");
    const v = await visitor(t.tenantId);
    expect(canonicalSearchQuery({ town: "fairfield", beds: "3", page: "2", junk: "x", q: " " }).queryKey).toBe("beds=3&town=fairfield");
    const first = await saveSearch({ tenantId: t.tenantId, visitorId: v, name: "3 beds", query: { town: "fairfield", beds: "3", minPrice: "500000" } });
    expect(first).toMatchObject({ ok: true, created: true, query: { beds: "3", minPrice: "500000", town: "fairfield" } });
    const spellings = [
      { beds: "3+", town: "Fairfield", minPrice: "$500,000", page: "4" },
      { town: " FAIRFIELD ", minPrice: "500k", beds: "3", q: "  " },
      { minPrice: "0.5m", beds: "03", town: "fairfield" },
    ];
    for (const query of spellings) {
      const again = await saveSearch({ tenantId: t.tenantId, visitorId: v, name: "Renamed", query });
      expect(again, JSON.stringify(query)).toMatchObject({ ok: true, created: false, id: first.ok && first.id });
    }
    const list = await listSavedSearches({ tenantId: t.tenantId, visitorId: v });
    expect(list.map((s) => [s.name, s.query])).toEqual([["Renamed", { beds: "3", minPrice: "500000", town: "fairfield" }]]);
    const other = await createTenantFixture(testDb().db, { slug: "ss-other" });
    const id = first.ok ? first.id : "";
    expect(await removeSavedSearch({ tenantId: other.tenantId, visitorId: v, savedSearchId: id })).toBe(false);
    expect(await removeSavedSearch({ tenantId: t.tenantId, visitorId: v, savedSearchId: "not-a-uuid" })).toBe(false);
    expect(await removeSavedSearch({ tenantId: t.tenantId, visitorId: v, savedSearchId: id })).toBe(true);
  });

  it("refuses what the search page would ignore, naming the parameter, and stores nothing", async () => {
    const { db } = testDb();
    const t = await searchableTenant("ss-bad");
    const v = await visitor(t.tenantId);
    const cases: [Record<string, string>, string[]][] = [
      [{ minPrice: "900000", maxPrice: "100000" }, ["maxPrice"]],
      [{ town: "atlantis" }, ["town"]],
      [{ minPrice: "cheap", beds: "lots" }, ["beds", "minPrice"]],
      [{ type: "castle", status: "sold-yesterday", sort: "random", baths: "99" }, ["baths", "sort", "status", "type"]],
    ];
    for (const [query, fields] of cases) {
      const r = await saveSearch({ tenantId: t.tenantId, visitorId: v, name: "Bad", query });
      expect(r.ok, JSON.stringify(query)).toBe(false);
      expect(!r.ok && r.error === "invalid" ? Object.keys(r.fields).sort() : []).toEqual(fields);
    }
    const minMax = await saveSearch({ tenantId: t.tenantId, visitorId: v, name: "Bad", query: { minPrice: "900000", maxPrice: "100000" } });
    expect(minMax).toEqual({ ok: false, error: "invalid", fields: { maxPrice: "must not be lower than minPrice" } });
    expect(await db.savedSearch.count({ where: { tenantId: t.tenantId } })).toBe(0);
    // A town one tenant serves is not a town of another.
    const b = await createTenantFixture(db, { slug: "ss-bad-b" });
    const vb = await visitor(b.tenantId);
    expect(await saveSearch({ tenantId: b.tenantId, visitorId: vb, name: "W", query: { town: "westport" } })).toMatchObject({
      ok: false,
      fields: { town: "not a town we serve" },
    });
    expect(await saveSearch({ tenantId: t.tenantId, visitorId: v, name: "W", query: { town: "westport", type: "condominium" } })).toMatchObject({
      ok: true,
      created: true,
    });
  });

  it("equal searches saved at the same moment in different spellings make one row; two visitors keep their own", async () => {
    const { db } = testDb();
    const t = await searchableTenant("ss-race");
    const v1 = await visitor(t.tenantId, "one@example.com");
    const v2 = await visitor(t.tenantId, "two@example.com");
    const spellings = [
      { town: "Westport", maxPrice: "1.2m" },
      { town: "westport", maxPrice: "1,200,000" },
      { maxPrice: "$1200k", town: "WESTPORT" },
    ];
    const results = await Promise.all(
      [v1, v2].flatMap((visitorId) => spellings.flatMap((query) => [0, 1].map(() => saveSearch({ tenantId: t.tenantId, visitorId, name: "Westport", query })))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(2);
    const rows = await db.savedSearch.findMany({ where: { tenantId: t.tenantId }, select: { visitorId: true, queryKey: true } });
    expect(rows.map((r) => r.queryKey)).toEqual(["maxPrice=1200000&town=westport", "maxPrice=1200000&town=westport"]);
    expect(new Set(rows.map((r) => r.visitorId))).toEqual(new Set([v1, v2]));
  });

  it("merges anonymous saves into the account idempotently", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "sync" });
    const other = await createTenantFixture(db, { slug: "sync-other" });
    await createListings(db, t.tenantId, [{ ListingKey: "S1" }, { ListingKey: "S2", PropertySubType: "Condominium" }, { ListingKey: "S3" }]);
    await createListings(db, other.tenantId, [{ ListingKey: "FOREIGN" }]);
    const v = await visitor(t.tenantId);
    await saveListing({ tenantId: t.tenantId, visitorId: v, listingKey: "S1" });
    const input = {
      tenantId: t.tenantId,
      visitorId: v,
      listingKeys: ["S1", "S2", "S3", "S2", "FOREIGN", "MISSING"],
      searches: [
        { name: "Condos", query: { type: "condominium" } },
        { name: "Same condos", query: { type: "Condominium", page: "2" } },
        { name: "Upside down", query: { minPrice: "2m", maxPrice: "1m" } },
      ],
    };
    const invalidSearches = [{ name: "Upside down", fields: { maxPrice: "must not be lower than minPrice" } }];
    const first = await syncVisitorSaves(input);
    expect(first).toEqual({ addedListingKeys: ["S2", "S3"], unknownListingKeys: ["FOREIGN", "MISSING"], addedSearches: 1, invalidSearches });
    const second = await syncVisitorSaves(input);
    expect(second).toEqual({ addedListingKeys: [], unknownListingKeys: ["FOREIGN", "MISSING"], addedSearches: 0, invalidSearches });
    expect((await listSavedListingKeys({ tenantId: t.tenantId, visitorId: v })).sort()).toEqual(["S1", "S2", "S3"]);
    expect(await listSavedSearches({ tenantId: t.tenantId, visitorId: v })).toHaveLength(1);
  });
});
