import { describe, expect, it } from "vitest";
import { parseSearch, type SearchContext } from "@/lib/search/parse-search";
import { decodeSearchSegment, encodeSearchSegment, EMPTY_SEARCH, searchHref } from "@/lib/search/search-path";
import { describeSearch, SAVED_SEARCH_NAME_MAX, savedSearchName } from "@/lib/search/describe-search";

const ctx: SearchContext = {
  towns: [
    { slug: "fairfield", name: "Fairfield" },
    { slug: "westport", name: "Westport" },
  ],
  propertyTypes: ["SingleFamilyResidence", "Condominium"],
  statuses: ["Active", "Pending", "Closed"],
};

describe("search URL state", () => {
  it("encodes only known parameters, in a stable order, and decodes them back", () => {
    const a = encodeSearchSegment(new URLSearchParams("beds=3&town=fairfield&utm_source=x&fbclid=y"));
    const b = encodeSearchSegment(new URLSearchParams("town=fairfield&beds=3"));
    expect(a).toBe(b);
    expect(decodeSearchSegment(a)).toEqual({ beds: "3", town: "fairfield" });
    expect(encodeSearchSegment(new URLSearchParams("utm_source=x"))).toBe(EMPTY_SEARCH);
    expect(decodeSearchSegment(EMPTY_SEARCH)).toEqual({});
    expect(decodeSearchSegment("not base64 at all!")).toEqual({});
    expect(searchHref({ town: "fairfield", beds: "3", page: "2" })).toBe("/homes?town=fairfield&beds=3&page=2");
  });

  it("parses valid filters and maps them to data filters", () => {
    const p = parseSearch(
      {
        town: "Westport",
        minPrice: "$500,000",
        maxPrice: "1.2m",
        beds: "3+",
        baths: "2",
        type: "condominium",
        status: "pending",
        q: "water",
        sort: "price-asc",
        page: "2",
      },
      ctx,
    );
    expect(p.ignored).toEqual([]);
    expect(p.filters).toEqual({
      town: "westport",
      minPrice: 500_000,
      maxPrice: 1_200_000,
      beds: 3,
      baths: 2,
      propertyTypes: ["Condominium"],
      statuses: ["Pending"],
      q: "water",
    });
    expect(p.sort).toBe("price-asc");
    expect(p.page).toBe(2);
    expect(p.applied).toMatchObject({ town: "westport", type: "condominium", status: "pending" });
    expect(parseSearch({ status: "any" }, ctx).filters.statuses).toEqual(["Active", "Pending", "Closed"]);
    expect(parseSearch({ type: "single-family-residence" }, ctx).filters.propertyTypes).toEqual(["SingleFamilyResidence"]);
  });

  it("ignores invalid values with a reason instead of failing", () => {
    const p = parseSearch(
      { town: "atlantis", minPrice: "cheap", maxPrice: "-5", beds: "99", baths: "x", type: "castle", status: "sold-yesterday", sort: "random", page: "0" },
      ctx,
    );
    expect(p.filters).toEqual({});
    expect(p.ignored.map((i) => i.key).sort()).toEqual(["baths", "beds", "maxPrice", "minPrice", "page", "sort", "status", "town", "type"]);
    expect(p.ignored.find((i) => i.key === "town")?.reason).toBe("not a town we serve");
    const swapped = parseSearch({ minPrice: "900000", maxPrice: "100000" }, ctx);
    expect(swapped.filters).toEqual({ minPrice: 900_000 });
    expect(swapped.ignored[0]).toMatchObject({ key: "maxPrice", reason: "lower than the minimum price" });
  });

  it("reads the map area and the home filters, and ignores bad ones with a reason", () => {
    const p = parseSearch({ bounds: "-71.5,41.3,-71.2,41.6", minSqft: "1,800", minLot: "0.5 acres", minYear: "1990", newDays: "7", openHouse: "yes" }, ctx);
    expect(p.ignored).toEqual([]);
    expect(p.filters).toEqual({
      bounds: { west: -71.5, south: 41.3, east: -71.2, north: 41.6 },
      minLivingArea: 1800,
      minLotAcres: 0.5,
      minYearBuilt: 1990,
      newWithinDays: 7,
      openHouse: true,
    });
    expect(p.applied).toEqual({ bounds: "-71.5,41.3,-71.2,41.6", minSqft: "1800", minLot: "0.5", minYear: "1990", newDays: "7", openHouse: "1" });
    // Extra precision is rounded to 6 decimals (about 10 cm), so one area has one URL.
    expect(parseSearch({ bounds: "-71.123456789,41,-71,41.5" }, ctx).applied.bounds).toBe("-71.123457,41,-71,41.5");

    for (const bounds of [
      "1,2,3",
      "-71.2,41.3,-71.5,41.6", // west east of east
      "-71.5,41.6,-71.2,41.3", // south north of north
      "-200,41,-71,42",
      "-71,41,-70,95",
      "a,b,c,d",
      "-71,41,-71,42", // no width
      "1e2,1,2,3",
    ]) {
      const bad = parseSearch({ bounds }, ctx);
      expect(bad.filters.bounds, bounds).toBeUndefined();
      expect(bad.ignored, bounds).toEqual([{ key: "bounds", value: bounds, reason: "not a map area (west,south,east,north)" }]);
    }
    const bad = parseSearch({ minSqft: "big", minLot: "-1", minYear: "99", newDays: "0", openHouse: "maybe" }, ctx);
    expect(bad.filters).toEqual({});
    expect(bad.ignored.map((i) => i.key).sort()).toEqual(["minLot", "minSqft", "minYear", "newDays", "openHouse"]);
    expect(searchHref({ town: "fairfield", bounds: "-71.5,41.3,-71.2,41.6" })).toBe("/homes?town=fairfield&bounds=-71.5%2C41.3%2C-71.2%2C41.6");
  });
});

describe("listing addresses", () => {
  it("reads UnparsedAddress with or without the city, state and postal code", async () => {
    const { listingAddress } = await import("@/lib/format");
    const base = { City: "Stamford", StateOrProvince: "CT", PostalCode: "06907" };
    expect(listingAddress({ ...base, UnparsedAddress: "1291 Orchard Lane, Stamford, CT 06907" })).toEqual({
      street: "1291 Orchard Lane",
      full: "1291 Orchard Lane, Stamford, CT 06907",
    });
    expect(listingAddress({ ...base, UnparsedAddress: "12 Elm St" })).toEqual({ street: "12 Elm St", full: "12 Elm St, Stamford, CT 06907" });
  });
});

describe("describeSearch (result heading and saved-search name)", () => {
  const title = (raw: Parameters<typeof parseSearch>[0]) => describeSearch(parseSearch(raw, ctx), ctx);

  it("names every applied filter, price too", () => {
    expect(title({})).toBe("Homes for sale");
    expect(title({ town: "westport", type: "condominium", minPrice: "500000", maxPrice: "900000", beds: "3", baths: "2", q: "pool" })).toBe(
      "Condominium homes for sale in Westport, $500K to $900K, 3+ bedrooms, 2+ bathrooms, matching “pool”",
    );
    expect(title({ minPrice: "1250000" })).toBe("Homes for sale, from $1.25M");
    expect(title({ maxPrice: "750000", status: "closed" })).toBe("Homes (closed), up to $750K");
    expect(describeSearch({ ...parseSearch({}, ctx), filters: { minLivingArea: 1500, minLotAcres: 0.5, openHouse: true, newWithinDays: 7 } }, ctx)).toBe(
      "Homes for sale, 1,500+ sq ft, 0.5+ acres, new in the last 7 days, with an open house",
    );
  });

  it("reads differently for searches that differ in any filter", () => {
    const variants = [
      {},
      { minPrice: "500000" },
      { maxPrice: "500000" },
      { beds: "3" },
      { baths: "3" },
      { q: "pool" },
      { town: "fairfield" },
      { type: "condominium" },
    ];
    expect(new Set(variants.map(title)).size).toBe(variants.length);
  });

  it("fits a saved search's name in its limit, shortening the free text first", () => {
    const long = parseSearch({ town: "westport", minPrice: "500000", maxPrice: "900000", beds: "3", baths: "2", q: "waterfront ".repeat(18).trim() }, ctx);
    expect(describeSearch(long, ctx).length).toBeGreaterThan(SAVED_SEARCH_NAME_MAX);
    const name = savedSearchName(long, ctx);
    expect(name.length).toBeLessThanOrEqual(SAVED_SEARCH_NAME_MAX);
    expect(name).toMatch(/^Homes for sale in Westport, \$500K to \$900K, 3\+ bedrooms, 2\+ bathrooms, matching “waterfront .*…”$/);
    const short = parseSearch({ town: "fairfield", q: "pool" }, ctx);
    expect(savedSearchName(short, ctx)).toBe(describeSearch(short, ctx));
  });
});
