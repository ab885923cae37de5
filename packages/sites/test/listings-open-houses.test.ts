import { describe, expect, it } from "vitest";
import type { Db } from "@real-estate/db";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { getListing, listListingPoints, searchListings } from "../src/listings";
import { createListings } from "./support/listing-fixtures";

const testDb = useTestDatabase("listings_open_houses");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function createFeedRow(db: Db, tenantId: string) {
  return db.feed.create({
    data: { tenantId, name: "Test MLS", baseUrl: "http://127.0.0.1:1/odata", authKind: "bearer", secretCiphertext: "not-a-real-secret", secretHint: "0000" },
    select: { id: true },
  });
}

type OpenHouseSeed = { key: string; listingKey: string; startInHours: number; status?: string; type?: string | null; remarks?: string };

async function addOpenHouses(db: Db, tenantId: string, feedId: string, seeds: OpenHouseSeed[]) {
  const now = Date.now();
  await db.openHouse.createMany({
    data: seeds.map((s) => ({
      tenantId,
      feedId,
      OpenHouseKey: s.key,
      ListingKey: s.listingKey,
      OpenHouseStartTime: new Date(now + s.startInHours * HOUR),
      OpenHouseEndTime: new Date(now + s.startInHours * HOUR + 2 * HOUR),
      OpenHouseStatus: s.status ?? "Active",
      OpenHouseType: s.type === undefined ? "Public" : s.type,
      OpenHouseRemarks: s.remarks ?? null,
      ModificationTimestamp: new Date(now),
    })),
  });
}

describe("open houses (the feed's OpenHouse resource) on the listing page and in the search", () => {
  it("shows a listing's upcoming public open houses, soonest first, and filters the search on them, per tenant", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "oh-a" });
    const b = await createTenantFixture(db, { slug: "oh-b" });
    const coords = { Latitude: 41.15, Longitude: -73.25 };
    // The same keys in both tenants: only tenant A's open houses may count for tenant A, and the other way round.
    for (const t of [a, b]) {
      await createListings(db, t.tenantId, [
        { ListingKey: "OH-OPEN", ...coords },
        { ListingKey: "OH-CANCELED", ...coords },
        { ListingKey: "OH-PAST", ...coords },
        { ListingKey: "OH-BROKER", ...coords },
        { ListingKey: "OH-NONE", ...coords },
        { ListingKey: "OH-UNTYPED", ...coords },
      ]);
    }
    const feedA = await createFeedRow(db, a.tenantId);
    await addOpenHouses(db, a.tenantId, feedA.id, [
      { key: "A1-later", listingKey: "OH-OPEN", startInHours: 7 * 24, remarks: "Second weekend" },
      { key: "A1-soon", listingKey: "OH-OPEN", startInHours: 2 * 24, remarks: "Coffee served" },
      { key: "A1-ended", listingKey: "OH-OPEN", startInHours: -3 * 24, status: "Ended" },
      { key: "A2", listingKey: "OH-CANCELED", startInHours: 30, status: "Canceled" },
      { key: "A3", listingKey: "OH-PAST", startInHours: -5 },
      { key: "A4", listingKey: "OH-BROKER", startInHours: 30, type: "Broker" },
      { key: "A5", listingKey: "OH-UNTYPED", startInHours: -1, type: null },
    ]);
    const feedB = await createFeedRow(db, b.tenantId);
    await addOpenHouses(db, b.tenantId, feedB.id, [{ key: "B1", listingKey: "OH-NONE", startInHours: 10 }]);

    const keys = async (tenantId: string, openHouse?: boolean) =>
      (await searchListings({ tenantId, filters: openHouse ? { openHouse } : {}, pageSize: 60 })).items.map((i) => i.ListingKey).sort();
    // "OH-UNTYPED" started an hour ago and ends in an hour: still on, so still shown.
    expect(await keys(a.tenantId, true)).toEqual(["OH-OPEN", "OH-UNTYPED"]);
    expect(await keys(b.tenantId, true)).toEqual(["OH-NONE"]);
    expect((await keys(a.tenantId)).length).toBe(6);
    expect((await searchListings({ tenantId: a.tenantId, filters: { openHouse: true } })).total).toBe(2);
    expect((await listListingPoints({ tenantId: a.tenantId, filters: { openHouse: true } })).points.map((p) => p.key).sort()).toEqual([
      "OH-OPEN",
      "OH-UNTYPED",
    ]);

    const open = (await getListing({ tenantId: a.tenantId, listingKey: "OH-OPEN" }))!;
    expect(open.OpenHouses.map((o) => o.remarks)).toEqual(["Coffee served", "Second weekend"]);
    expect(Date.parse(open.OpenHouses[0]!.end) - Date.parse(open.OpenHouses[0]!.start)).toBe(2 * HOUR);
    expect(Date.parse(open.OpenHouses[0]!.start)).toBeGreaterThan(Date.now() + DAY);
    for (const key of ["OH-CANCELED", "OH-PAST", "OH-BROKER", "OH-NONE"]) {
      expect((await getListing({ tenantId: a.tenantId, listingKey: key }))!.OpenHouses).toEqual([]);
    }
    expect((await getListing({ tenantId: b.tenantId, listingKey: "OH-OPEN" }))!.OpenHouses).toEqual([]);
    expect((await getListing({ tenantId: b.tenantId, listingKey: "OH-NONE" }))!.OpenHouses).toHaveLength(1);

    // An open house belongs to its listing: removing the listing removes them.
    await db.listing.delete({ where: { tenantId_ListingKey: { tenantId: a.tenantId, ListingKey: "OH-OPEN" } } });
    expect(await db.openHouse.count({ where: { tenantId: a.tenantId, ListingKey: "OH-OPEN" } })).toBe(0);
    expect(await db.openHouse.count({ where: { tenantId: b.tenantId } })).toBe(1);
  });
});
