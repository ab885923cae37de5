import { describe, expect, it } from "vitest";
import { parseSearch, type TSearchContext } from "@/lib/search/parse-search";
import { decodeSearchSegment, encodeSearchSegment, EMPTY_SEARCH, searchHref } from "@/lib/search/search-path";

const ctx: TSearchContext = {
  towns: [{ slug: "fairfield", name: "Fairfield" }, { slug: "westport", name: "Westport" }],
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
    const p = parseSearch({ town: "Westport", minPrice: "$500,000", maxPrice: "1.2m", beds: "3+", baths: "2", type: "condominium", status: "pending", q: "water", sort: "price-asc", page: "2" }, ctx);
    expect(p.ignored).toEqual([]);
    expect(p.filters).toEqual({ town: "westport", minPrice: 500_000, maxPrice: 1_200_000, beds: 3, baths: 2, propertyTypes: ["Condominium"], statuses: ["Pending"], q: "water" });
    expect(p.sort).toBe("price-asc");
    expect(p.page).toBe(2);
    expect(p.applied).toMatchObject({ town: "westport", type: "condominium", status: "pending" });
    expect(parseSearch({ status: "any" }, ctx).filters.statuses).toEqual(["Active", "Pending", "Closed"]);
    expect(parseSearch({ type: "single-family-residence" }, ctx).filters.propertyTypes).toEqual(["SingleFamilyResidence"]);
  });

  it("ignores invalid values with a reason instead of failing", () => {
    const p = parseSearch({ town: "atlantis", minPrice: "cheap", maxPrice: "-5", beds: "99", baths: "x", type: "castle", status: "sold-yesterday", sort: "random", page: "0" }, ctx);
    expect(p.filters).toEqual({});
    expect(p.ignored.map((i) => i.key).sort()).toEqual(["baths", "beds", "maxPrice", "minPrice", "page", "sort", "status", "town", "type"]);
    expect(p.ignored.find((i) => i.key === "town")?.reason).toBe("not a town we serve");
    const swapped = parseSearch({ minPrice: "900000", maxPrice: "100000" }, ctx);
    expect(swapped.filters).toEqual({ minPrice: 900_000 });
    expect(swapped.ignored[0]).toMatchObject({ key: "maxPrice", reason: "lower than the minimum price" });
  });
});

describe("listing addresses", () => {
  it("reads UnparsedAddress with or without the city, state and postal code", async () => {
    const { listingAddress } = await import("@/lib/format");
    const base = { City: "Stamford", StateOrProvince: "CT", PostalCode: "06907" };
    expect(listingAddress({ ...base, UnparsedAddress: "1291 Orchard Lane, Stamford, CT 06907" })).toEqual({ street: "1291 Orchard Lane", full: "1291 Orchard Lane, Stamford, CT 06907" });
    expect(listingAddress({ ...base, UnparsedAddress: "12 Elm St" })).toEqual({ street: "12 Elm St", full: "12 Elm St, Stamford, CT 06907" });
  });
});
