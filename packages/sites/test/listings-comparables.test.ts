import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { estimateFromComparables, estimateHomeValue, findComparables } from "../src/listings";
import { createListings } from "./support/listing-fixtures";

const testDb = useTestDatabase("listings_comps");

describe("comparables and the automated estimate", () => {
  it("uses same-town listings of similar size, closest first, and never another tenant's", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "cmp-a" });
    const b = await createTenantFixture(db, { slug: "cmp-b" });
    await createListings(db, a.tenantId, [
      { ListingKey: "C1", LivingArea: 2_000, ListPrice: 600_000 },
      { ListingKey: "C2", LivingArea: 2_100, ListPrice: 630_000, StandardStatus: "Closed", ClosePrice: 620_000 },
      { ListingKey: "C3", LivingArea: 1_850, ListPrice: 560_000 },
      { ListingKey: "C4", LivingArea: 4_000, ListPrice: 2_000_000 },
      { ListingKey: "C5", LivingArea: 2_000, ListPrice: 900_000, townSlug: "westport", City: "Westport" },
      { ListingKey: "C6", LivingArea: 2_050, ListPrice: 610_000, StandardStatus: "Withdrawn" },
    ]);
    await createListings(db, b.tenantId, [{ ListingKey: "X1", LivingArea: 2_000, ListPrice: 5_000_000 }]);
    const subject = { town: "fairfield", livingArea: 2_000 };
    const { comparables: comps, facts } = await findComparables({ tenantId: a.tenantId, subject });
    expect(facts).toEqual({ used: ["town", "livingArea"], notUsed: [] });
    expect(comps.map((c) => c.ListingKey)).toEqual(["C1", "C2", "C3"]);
    expect(comps.find((c) => c.ListingKey === "C2")?.price).toBe(620_000);

    const estimate = await estimateHomeValue({ tenantId: a.tenantId, subject });
    expect(estimate.status).toBe("estimated");
    if (estimate.status !== "estimated") return;
    // $/sqft: 300, 295.2, 302.7 → median 300 → 600k; range at least ±5 %.
    expect(estimate.midpoint).toBe(600_000);
    expect(estimate.low).toBeLessThanOrEqual(570_000);
    expect(estimate.high).toBeGreaterThanOrEqual(630_000);
    expect(estimate.high).toBeLessThan(700_000);
    expect(estimate.basis).toBe("price-per-sqft");
    expect((await estimateHomeValue({ tenantId: b.tenantId, subject })).comparables.map((c) => c.ListingKey)).toEqual(["X1"]);
  });

  it("says so instead of inventing a number when there are too few comparables", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "cmp-few" });
    await createListings(db, t.tenantId, [
      { ListingKey: "F1", LivingArea: 2_000, ListPrice: 600_000 },
      { ListingKey: "F2", LivingArea: 5_000, ListPrice: 3_000_000 },
    ]);
    const estimate = await estimateHomeValue({ tenantId: t.tenantId, subject: { town: "fairfield", livingArea: 2_000 } });
    expect(estimate.status).toBe("insufficient_data");
    expect(estimate.comparables.map((c) => c.ListingKey)).toEqual(["F1"]);
    const nowhere = await estimateHomeValue({ tenantId: t.tenantId, subject: { town: "atlantis", livingArea: 2_000 } });
    expect(nowhere).toEqual({ status: "insufficient_data", comparables: [], minimum: 3, facts: { used: ["town", "livingArea"], notUsed: [] } });
  });

  it("widens the size window, matches sub-type, and falls back to bedrooms without a size", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "cmp-wide" });
    await createListings(db, t.tenantId, [
      { ListingKey: "W1", LivingArea: 1_400, ListPrice: 420_000, BedroomsTotal: 3 },
      { ListingKey: "W2", LivingArea: 2_700, ListPrice: 800_000, BedroomsTotal: 4 },
      { ListingKey: "W3", LivingArea: 2_000, ListPrice: 610_000, BedroomsTotal: 3 },
      { ListingKey: "W4", LivingArea: 2_000, ListPrice: 400_000, BedroomsTotal: 2, PropertySubType: "Condominium" },
    ]);
    const wide = await findComparables({ tenantId: t.tenantId, subject: { town: "fairfield", livingArea: 2_000 } });
    expect(wide.comparables.map((c) => c.ListingKey).sort()).toEqual(["W1", "W2", "W3", "W4"]);
    // The sub-type always holds: one condominium is not enough, and single-family homes do not stand in.
    const condos = await findComparables({ tenantId: t.tenantId, subject: { town: "fairfield", livingArea: 2_000, propertySubType: "Condominium" } });
    expect(condos.comparables.map((c) => c.ListingKey)).toEqual(["W4"]);
    expect(condos.facts.used).toEqual(["town", "propertyType", "livingArea"]);
    const byBeds = await estimateHomeValue({ tenantId: t.tenantId, subject: { town: "fairfield", bedrooms: 3 } });
    expect(byBeds.status).toBe("estimated");
    if (byBeds.status === "estimated") expect(byBeds.basis).toBe("price");
    expect(estimateFromComparables({ town: "x" }, []).status).toBe("insufficient_data");
  });

  it("uses bedrooms, bathrooms and year built together with the living area while the comparables support them, and says which it used", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "cmp-facts" });
    const other = await createTenantFixture(db, { slug: "cmp-facts-b" });
    // Same size; the 2-bedroom homes sell for much less per square foot than the 4-bedroom ones.
    const homes = [
      { ListingKey: "B2a", BedroomsTotal: 2, ListPrice: 400_000, BathroomsTotalInteger: 1, YearBuilt: 1950 },
      { ListingKey: "B2b", BedroomsTotal: 2, ListPrice: 410_000, BathroomsTotalInteger: 1, YearBuilt: 1955 },
      { ListingKey: "B2c", BedroomsTotal: 2, ListPrice: 420_000, BathroomsTotalInteger: 2, YearBuilt: 1990 },
      { ListingKey: "B4a", BedroomsTotal: 4, ListPrice: 800_000, BathroomsTotalInteger: 3, YearBuilt: 2005 },
      { ListingKey: "B4b", BedroomsTotal: 4, ListPrice: 820_000, BathroomsTotalInteger: 3, YearBuilt: 2010 },
      { ListingKey: "B4c", BedroomsTotal: 5, ListPrice: 840_000, BathroomsTotalInteger: 3, YearBuilt: 2012 },
    ];
    await createListings(
      db,
      t.tenantId,
      homes.map((h) => ({ ...h, LivingArea: 2_000 })),
    );
    await createListings(
      db,
      other.tenantId,
      homes.map((h) => ({ ...h, ListingKey: `X${h.ListingKey}`, LivingArea: 2_000, ListPrice: h.ListPrice * 10 })),
    );

    const area = { town: "fairfield", livingArea: 2_000 };
    const twoBeds = await estimateHomeValue({ tenantId: t.tenantId, subject: { ...area, bedrooms: 2 } });
    const fourBeds = await estimateHomeValue({ tenantId: t.tenantId, subject: { ...area, bedrooms: 4 } });
    if (twoBeds.status !== "estimated" || fourBeds.status !== "estimated") throw new Error("expected estimates");
    // Bedrooms count even when the living area is given.
    expect(twoBeds.comparables.map((c) => c.ListingKey).sort()).toEqual(["B2a", "B2b", "B2c"]);
    expect(fourBeds.comparables.map((c) => c.ListingKey).sort()).toEqual(["B4a", "B4b", "B4c"]);
    expect(twoBeds.midpoint).toBe(410_000);
    expect(fourBeds.midpoint).toBe(820_000);
    expect(twoBeds.facts).toEqual({ used: ["town", "livingArea", "bedrooms"], notUsed: [] });

    // Bathrooms and year built narrow further while three comparables remain...
    const old = await estimateHomeValue({ tenantId: t.tenantId, subject: { ...area, bedrooms: 2, bathrooms: 1, yearBuilt: 1960 } });
    expect(old.comparables.map((c) => c.ListingKey).sort()).toEqual(["B2a", "B2b", "B2c"]);
    expect(old.facts).toEqual({
      used: ["town", "livingArea", "bedrooms", "bathrooms"],
      notUsed: [{ fact: "yearBuilt", reason: "too few comparable homes match it as well" }],
    });
    // ...and are let go, least telling first, when they would leave fewer than three.
    const odd = await estimateHomeValue({ tenantId: t.tenantId, subject: { ...area, bedrooms: 4, bathrooms: 1, yearBuilt: 1900 } });
    expect(odd.status).toBe("estimated");
    expect(odd.facts.used).toEqual(["town", "livingArea", "bedrooms"]);
    expect(odd.facts.notUsed.map((f) => f.fact)).toEqual(["bathrooms", "yearBuilt"]);
    // Without a living area, bedrooms are the size, and the other facts still narrow.
    const noArea = await estimateHomeValue({ tenantId: t.tenantId, subject: { town: "fairfield", bedrooms: 4, bathrooms: 3, yearBuilt: 2008 } });
    expect(noArea.status === "estimated" && noArea.basis).toBe("price");
    expect(noArea.facts).toEqual({ used: ["town", "bedrooms", "bathrooms", "yearBuilt"], notUsed: [] });
    expect(noArea.comparables.every((c) => c.ListingKey.startsWith("B4") || c.ListingKey === "B4c")).toBe(true);
  });
});
