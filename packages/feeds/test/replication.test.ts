import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import type { ResoServer } from "@real-estate/demo/reso-server";
import { syncFeed } from "../src";
import { createFeedFixture, FAST_CLIENT, startTestResoServer } from "./support/feed-fixtures";

const testDb = useTestDatabase("feeds_replication");
let server: ResoServer;

beforeAll(async () => {
  server = await startTestResoServer({ count: 120 });
});
afterAll(async () => {
  await server.close();
});

async function listingKeys(tenantId: string) {
  const rows = await testDb().db.listing.findMany({ where: { tenantId }, select: { ListingKey: true }, orderBy: { ListingKey: "asc" } });
  return rows.map((r) => r.ListingKey);
}

describe("feed replication against the local RESO server", () => {
  it("loads every listing in Data Dictionary form: lookups, extras, media, attribution, history", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server);
    const tokensBefore = server.stats.tokenRequests;
    const result = await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    expect(result).toMatchObject({ outcome: "succeeded", upserted: 120, rejected: 0 });
    expect(result.pages).toBeGreaterThanOrEqual(5);
    expect(await listingKeys(tenantId)).toEqual(server.store.keys().sort());

    const source = [...server.store.properties.values()].find(
      (p) => p.StandardStatus === "Active Under Contract" && p.PropertySubType === "Single Family Residence",
    )!;
    const stored = await db.listing.findUniqueOrThrow({ where: { tenantId_ListingKey: { tenantId, ListingKey: source.ListingKey as string } } });
    expect(stored).toMatchObject({
      feedId,
      StandardStatus: "ActiveUnderContract",
      PropertySubType: "SingleFamilyResidence",
      ListPrice: source.ListPrice,
      City: source.City,
      ListOfficeName: source.ListOfficeName,
      isSample: false,
    });
    expect(stored.ModificationTimestamp.toISOString()).toBe(source.ModificationTimestamp);
    expect(stored.feedExtras).toMatchObject({ WaterfrontYN: source.WaterfrontYN, Heating: source.Heating, ParkingTotal: source.ParkingTotal });
    const media = stored.Media as { url: string; width: number; height: number }[];
    expect(media.length).toBe(source.PhotosCount);
    expect(media[0]).toMatchObject({ url: `${server.url}/photos/${source.ListingKey}/1.svg`, width: 1200, height: 800 });

    const history = await db.listingHistory.findMany({ where: { tenantId, ListingKey: source.ListingKey as string }, orderBy: { field: "asc" } });
    expect(history.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ["ListPrice", null, String(source.ListPrice)],
      ["StandardStatus", null, "ActiveUnderContract"],
    ]);
    expect(await db.feedOffice.count({ where: { tenantId, feedId } })).toBe(server.store.offices.length);
    expect(await db.feedMember.count({ where: { tenantId, feedId } })).toBe(server.store.members.length);

    // A second run finds nothing new and reuses the cached token.
    const again = await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    expect(again).toMatchObject({ outcome: "succeeded", upserted: 0 });
    expect(server.stats.tokenRequests - tokensBefore).toBe(1);
    const feed = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } });
    expect(feed).toMatchObject({ status: "active", consecutiveFailures: 0, lastError: null });
    expect(feed.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 200_000);
    expect(await db.feedRun.count({ where: { tenantId, feedId, status: "succeeded" } })).toBe(2);
  });

  it("replicates price and status changes and new listings incrementally, with history", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server);
    await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    const [a, b] = server.store.keys();
    const oldPrice = server.store.get(a!)!.ListPrice as number;
    server.store.update(a!, { ListPrice: oldPrice - 15_000 });
    server.store.update(b!, { StandardStatus: "Pending" });
    const added = server.store.add(3);

    const result = await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    expect(result).toMatchObject({ outcome: "succeeded", upserted: 5, pages: 1 });
    const rows = await db.listing.findMany({
      where: { tenantId, ListingKey: { in: [a!, b!, ...added] } },
      select: { ListingKey: true, ListPrice: true, StandardStatus: true },
    });
    expect(rows.find((r) => r.ListingKey === a)?.ListPrice).toBe(oldPrice - 15_000);
    expect(rows.find((r) => r.ListingKey === b)?.StandardStatus).toBe("Pending");
    expect(rows.length).toBe(5);
    const priceHistory = await db.listingHistory.findMany({ where: { tenantId, ListingKey: a!, field: "ListPrice" }, orderBy: { id: "asc" } });
    expect(priceHistory.map((h) => [h.oldValue, h.newValue])).toEqual([
      [null, String(oldPrice)],
      [String(oldPrice), String(oldPrice - 15_000)],
    ]);
    server.store.remove(added);
  });

  it("removes what the feed no longer has (reconciliation and Delete status) and records it", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server);
    await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    const extra = server.store.add(4);
    await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    expect((await listingKeys(tenantId)).length).toBe(124);

    server.store.remove(extra.slice(0, 3));
    server.store.update(extra[3]!, { StandardStatus: "Delete" });
    const incremental = await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    expect(incremental).toMatchObject({ outcome: "succeeded", removed: 1 });
    const reconcile = await syncFeed({ tenantId, feedId, kind: "reconcile", client: FAST_CLIENT });
    expect(reconcile).toMatchObject({ outcome: "succeeded", removed: 3 });
    // The Delete-status record is still in the feed until the MLS purges it: reconciliation keeps
    // nothing for it either, since the incremental run removed it already.
    expect(await listingKeys(tenantId)).toEqual(
      server.store
        .keys()
        .filter((k) => k !== extra[3])
        .sort(),
    );
    const removed = await db.listingHistory.findMany({ where: { tenantId, field: "Removed" }, select: { ListingKey: true } });
    expect(removed.map((r) => r.ListingKey).sort()).toEqual([...extra].sort());
    server.store.remove([extra[3]!]);
  });
});
