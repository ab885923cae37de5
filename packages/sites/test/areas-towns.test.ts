import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { getNeighborhood, getTown, listTowns, upsertNeighborhood, upsertTown } from "../src/areas";
import { createListings } from "./support/listing-fixtures";

const testDb = useTestDatabase("areas_towns");

describe("towns and neighbourhoods", () => {
  it("lists a tenant's towns in order with neighbourhoods and active listing counts", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "ar-a" });
    const b = await createTenantFixture(db, { slug: "ar-b" });
    await upsertTown({ tenantId: a.tenantId, town: { slug: "westport", name: "Westport", state: "CT", summary: "W", sortOrder: 2 } });
    await upsertTown({
      tenantId: a.tenantId,
      town: { slug: "fairfield", name: "Fairfield", state: "CT", summary: "F", sortOrder: 1, content: { taxes: { millRate: 27.1, isSample: true } } },
    });
    await upsertNeighborhood({ tenantId: a.tenantId, townSlug: "fairfield", neighborhood: { slug: "southport", name: "Southport", summary: "S" } });
    await upsertTown({ tenantId: b.tenantId, town: { slug: "fairfield", name: "Other Fairfield", state: "CT", summary: "B" } });
    await createListings(db, a.tenantId, [{ townSlug: "fairfield" }, { townSlug: "fairfield" }, { townSlug: "fairfield", StandardStatus: "Closed" }]);

    const towns = await listTowns({ tenantId: a.tenantId });
    expect(towns.map((t) => [t.slug, t.activeListings, t.neighborhoods.map((n) => n.slug)])).toEqual([
      ["fairfield", 2, ["southport"]],
      ["westport", 0, []],
    ]);
    expect(towns[0]?.content).toEqual({ taxes: { millRate: 27.1, isSample: true } });
    expect((await listTowns({ tenantId: b.tenantId })).map((t) => t.name)).toEqual(["Other Fairfield"]);
  });

  it("reads a town and a neighbourhood only within the tenant", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "gt-a" });
    const b = await createTenantFixture(db, { slug: "gt-b" });
    await upsertTown({ tenantId: a.tenantId, town: { slug: "darien", name: "Darien", state: "CT", summary: "D" } });
    await upsertNeighborhood({
      tenantId: a.tenantId,
      townSlug: "darien",
      neighborhood: { slug: "noroton", name: "Noroton", summary: "N", content: { schools: { schools: [{ name: "Sample Elementary" }], isSample: true } } },
    });
    expect((await getTown({ tenantId: a.tenantId, townSlug: "darien" }))?.neighborhoods.map((n) => n.name)).toEqual(["Noroton"]);
    expect(await getTown({ tenantId: b.tenantId, townSlug: "darien" })).toBeNull();
    const n = await getNeighborhood({ tenantId: a.tenantId, townSlug: "darien", neighborhoodSlug: "noroton" });
    expect(n?.town.name).toBe("Darien");
    expect(n?.content.schools?.schools[0]?.name).toBe("Sample Elementary");
    expect(await getNeighborhood({ tenantId: b.tenantId, townSlug: "darien", neighborhoodSlug: "noroton" })).toBeNull();
    expect(await getNeighborhood({ tenantId: a.tenantId, townSlug: "elsewhere", neighborhoodSlug: "noroton" })).toBeNull();
  });

  it("reads invalid stored content as empty and refuses to write it", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "gt-bad" });
    const town = await upsertTown({ tenantId: t.tenantId, town: { slug: "x", name: "X", state: "CT", summary: "X" } });
    await db.town.update({ where: { tenantId_id: { tenantId: t.tenantId, id: town.id } }, data: { content: { unknownKey: 1 } } });
    expect((await getTown({ tenantId: t.tenantId, townSlug: "x" }))?.content).toEqual({});
    await expect(
      upsertTown({ tenantId: t.tenantId, town: { slug: "y", name: "Y", state: "CT", summary: "Y", content: { taxes: { millRate: -1 } } } }),
    ).rejects.toThrow();
  });
});
