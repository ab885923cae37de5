import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import type { ResoServer } from "@real-estate/demo/reso-server";
import { syncFeed } from "../src";
import { createFeedFixture, FAST_CLIENT, startTestResoServer } from "./support/feed-fixtures";

const testDb = useTestDatabase("feeds_open_houses");
let serverA: ResoServer;
let serverB: ResoServer;

beforeAll(async () => {
  // Two MLSs built from the same generator: the same ListingKeys and OpenHouseKeys in both.
  serverA = await startTestResoServer({ count: 160 });
  serverB = await startTestResoServer({ count: 160 });
});
afterAll(async () => {
  await serverA.close();
  await serverB.close();
});

async function storedOpenHouses(tenantId: string) {
  return testDb().db.openHouse.findMany({ where: { tenantId }, orderBy: { OpenHouseKey: "asc" } });
}

describe("OpenHouse replication against the local RESO server", () => {
  it("loads, updates and reconciles each tenant's open houses from its own feed", async () => {
    const { db } = testDb();
    const a = await createFeedFixture(db, serverA, { slug: "oh-feed-a" });
    const b = await createFeedFixture(db, serverB, { slug: "oh-feed-b" });
    expect(a.feed.resources).toContain("OpenHouse");
    const first = await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, client: FAST_CLIENT });
    expect(first.outcome).toBe("succeeded");
    await syncFeed({ tenantId: b.tenantId, feedId: b.feedId, client: FAST_CLIENT });

    const source = [...serverA.store.openHouses.values()];
    expect(source.length).toBeGreaterThan(5);
    const loaded = await storedOpenHouses(a.tenantId);
    expect(loaded.map((o) => o.OpenHouseKey)).toEqual(source.map((o) => o.OpenHouseKey as string).sort());
    expect(first.openHouses).toMatchObject({ upserted: source.length, skipped: 0, rejected: 0 });
    const sample = source.find((o) => o.Refreshments)!;
    const row = loaded.find((o) => o.OpenHouseKey === sample.OpenHouseKey)!;
    expect(row).toMatchObject({
      feedId: a.feedId,
      ListingKey: sample.ListingKey,
      OpenHouseId: sample.OpenHouseId,
      OpenHouseStatus: sample.OpenHouseStatus,
      OpenHouseType: sample.OpenHouseType,
      OpenHouseRemarks: sample.OpenHouseRemarks,
    });
    expect(row.OpenHouseStartTime.toISOString()).toBe(sample.OpenHouseStartTime);
    expect(row.OpenHouseEndTime.toISOString()).toBe(sample.OpenHouseEndTime);
    expect(row.feedExtras).toMatchObject({ Refreshments: sample.Refreshments, OpenHouseAttendedBy: "Agent", OpenHouseDate: sample.OpenHouseDate });
    const countB = (await storedOpenHouses(b.tenantId)).length;
    expect(countB).toBe(serverB.store.openHouses.size);

    // At MLS A: a new open house, one moved to another day, one canceled, one withdrawn outright,
    // and one for a listing the feed does not have.
    const withoutOne = serverA.store.keys().find((k) => serverA.store.get(k)!.StandardStatus === "Active" && !source.some((o) => o.ListingKey === k))!;
    const start = new Date(Date.now() + 3 * 86_400_000);
    serverA.store.putOpenHouse({
      OpenHouseKey: `${withoutOne}-OH9`,
      ListingKey: withoutOne,
      OpenHouseStartTime: start.toISOString(),
      OpenHouseEndTime: new Date(start.getTime() + 7_200_000).toISOString(),
      OpenHouseStatus: "Active",
      OpenHouseType: "Public",
      OpenHouseRemarks: "Just scheduled",
    });
    const [moved, canceled, withdrawn] = source.map((o) => o.OpenHouseKey as string);
    const movedStart = new Date(Date.now() + 5 * 86_400_000);
    serverA.store.putOpenHouse({
      OpenHouseKey: moved!,
      ListingKey: serverA.store.openHouses.get(moved!)!.ListingKey as string,
      OpenHouseStartTime: movedStart.toISOString(),
      OpenHouseEndTime: new Date(movedStart.getTime() + 3_600_000).toISOString(),
    });
    serverA.store.putOpenHouse({
      OpenHouseKey: canceled!,
      ListingKey: serverA.store.openHouses.get(canceled!)!.ListingKey as string,
      OpenHouseStatus: "Canceled",
    });
    serverA.store.removeOpenHouses([withdrawn!]);
    serverA.store.putOpenHouse({
      OpenHouseKey: "GHOST-OH1",
      ListingKey: "NOT-IN-THIS-FEED",
      OpenHouseStartTime: start.toISOString(),
      OpenHouseEndTime: start.toISOString(),
      OpenHouseStatus: "Active",
    });

    const incremental = await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, client: FAST_CLIENT });
    expect(incremental).toMatchObject({ outcome: "succeeded", upserted: 0, openHouses: { pages: 1, upserted: 3, skipped: 1, removed: 0 } });
    const after = new Map((await storedOpenHouses(a.tenantId)).map((o) => [o.OpenHouseKey, o]));
    expect(after.get(`${withoutOne}-OH9`)).toMatchObject({ ListingKey: withoutOne, OpenHouseRemarks: "Just scheduled" });
    expect(after.get(moved!)!.OpenHouseStartTime.toISOString()).toBe(movedStart.toISOString());
    expect(after.get(canceled!)!.OpenHouseStatus).toBe("Canceled");
    expect(after.has("GHOST-OH1")).toBe(false);
    // Deletions wait for reconciliation, as for listings.
    expect(after.has(withdrawn!)).toBe(true);

    const reconcile = await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, kind: "reconcile", client: FAST_CLIENT });
    expect(reconcile).toMatchObject({ outcome: "succeeded", openHouses: { removed: 1, skipped: 1 } });
    const reconciled = await storedOpenHouses(a.tenantId);
    expect(reconciled.map((o) => o.OpenHouseKey)).toEqual([...serverA.store.openHouses.keys()].filter((k) => k !== "GHOST-OH1").sort());

    // A listing gone from the feed takes its open houses with it.
    const gone = serverA.store.openHouses.get(moved!)!.ListingKey as string;
    serverA.store.remove([gone]);
    await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, kind: "reconcile", client: FAST_CLIENT });
    expect(await db.openHouse.count({ where: { tenantId: a.tenantId, ListingKey: gone } })).toBe(0);

    // Nothing of MLS A's changes reached tenant B, whose feed has the same keys.
    const bRows = await storedOpenHouses(b.tenantId);
    expect(bRows.length).toBe(countB);
    expect(bRows.some((o) => o.OpenHouseStatus === "Canceled" && o.OpenHouseKey === canceled)).toBe(
      serverB.store.openHouses.get(canceled!)?.OpenHouseStatus === "Canceled",
    );
    expect(bRows.some((o) => o.OpenHouseKey === `${withoutOne}-OH9`)).toBe(false);
    expect(bRows.every((o) => o.feedId === b.feedId)).toBe(true);
  });

  it("a full run reloads open houses from the start of their keyset", async () => {
    const { db } = testDb();
    const a = await createFeedFixture(db, serverB, { slug: "oh-feed-full" });
    await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, client: FAST_CLIENT });
    const before = await storedOpenHouses(a.tenantId);
    await db.openHouse.deleteMany({ where: { tenantId: a.tenantId } });
    const incremental = await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, client: FAST_CLIENT });
    expect(incremental.openHouses?.upserted).toBe(0);
    const full = await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, kind: "full", client: FAST_CLIENT });
    expect(full.outcome).toBe("succeeded");
    expect((await storedOpenHouses(a.tenantId)).map((o) => o.OpenHouseKey)).toEqual(before.map((o) => o.OpenHouseKey));
  });

  it("a server without an OpenHouse resource (404) still syncs its listings, and removes no open houses", async () => {
    const { db } = testDb();
    const a = await createFeedFixture(db, serverB, { slug: "oh-feed-404" });
    await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, client: FAST_CLIENT });
    const before = (await storedOpenHouses(a.tenantId)).length;
    expect(before).toBeGreaterThan(0);
    const added = serverB.store.add(2);
    serverB.injectFault({ status: 404, resource: "OpenHouse", times: 2 });
    const result = await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, kind: "reconcile", client: FAST_CLIENT });
    expect(result).toMatchObject({ outcome: "succeeded", openHouses: { unavailable: true, removed: 0 } });
    const incremental = await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, client: FAST_CLIENT });
    serverB.clearFaults();
    expect(incremental).toMatchObject({ outcome: "succeeded", upserted: 2 });
    expect((await storedOpenHouses(a.tenantId)).length).toBe(before);
    serverB.store.remove(added);
  });
});
