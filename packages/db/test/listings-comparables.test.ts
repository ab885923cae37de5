import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "../src/testing";
import { estimateFromComparables, estimateHomeValue, findComparables } from "../src/listings";
import { createListings } from "./helpers/listing-fixtures";

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
    const comps = await findComparables({ tenantId: a.tenantId, subject });
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
    expect(nowhere).toEqual({ status: "insufficient_data", comparables: [], minimum: 3 });
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
    expect(wide.map((c) => c.ListingKey).sort()).toEqual(["W1", "W2", "W3", "W4"]);
    const condos = await findComparables({ tenantId: t.tenantId, subject: { town: "fairfield", livingArea: 2_000, propertySubType: "Condominium" } });
    expect(condos.map((c) => c.ListingKey)).toEqual(["W4"]);
    const byBeds = await estimateHomeValue({ tenantId: t.tenantId, subject: { town: "fairfield", bedrooms: 3 } });
    expect(byBeds.status).toBe("estimated");
    if (byBeds.status === "estimated") expect(byBeds.basis).toBe("price");
    expect(estimateFromComparables({ town: "x" }, []).status).toBe("insufficient_data");
  });
});
