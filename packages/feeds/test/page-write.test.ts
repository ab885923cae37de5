import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgPoolOf, type Db } from "@real-estate/db";
import { useTestDatabase } from "@real-estate/db/testing";
import { outboundFetch } from "@real-estate/types/outbound";
import type { ResoServer } from "@real-estate/demo/reso-server";
import { mapProperty, syncFeed } from "../src";
import { listingRowsJson, writeListingPage, type PageRow } from "../src/replication/write-listing-page";
import { createFeedFixture, FAST_CLIENT, startTestResoServer } from "./support/feed-fixtures";

const testDb = useTestDatabase("feeds_page_write");
let server: ResoServer;

beforeAll(async () => {
  server = await startTestResoServer({ count: 60 });
});
afterAll(async () => {
  await server.close();
});

/** The same database through a client without its own pool: pages go through a Prisma transaction. */
function prismaOnly(db: Db): Db {
  const extended = db.$extends({ name: "prisma-transactions-only" }) as unknown as Db;
  expect(pgPoolOf(extended)).toBeNull();
  return extended;
}

describe.each([
  { path: "node-postgres", clientOf: (db: Db) => db },
  { path: "a Prisma transaction", clientOf: prismaOnly },
])("a page's write on $path", ({ clientOf }) => {
  it("commits the listings, their history, the run's counters and the cursor together", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server);
    const result = await syncFeed({ tenantId, feedId, db: clientOf(db), client: FAST_CLIENT });
    expect(result).toMatchObject({ outcome: "succeeded", upserted: 60, removed: 0, rejected: 0 });

    expect(await db.listing.count({ where: { tenantId, feedId } })).toBe(60);
    expect(await db.listingHistory.count({ where: { tenantId, field: "ListPrice", oldValue: null } })).toBe(60);
    expect(await db.listingHistory.count({ where: { tenantId, field: "StandardStatus", oldValue: null } })).toBe(60);
    const run = await db.feedRun.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: result.runId! } } });
    expect(run).toMatchObject({ status: "succeeded", pages: result.pages, upserted: 60, removed: 0 });
    const feed = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } });
    const last = server.store.byModification().at(-1)!;
    expect(feed.cursorKey).toBe(last.ListingKey);
    expect(feed.cursorTimestamp?.toISOString()).toBe(last.ModificationTimestamp);
    expect(feed.leaseOwner).toBeNull();
  });

  it("counts a page's removals on its run", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server);
    await syncFeed({ tenantId, feedId, db: clientOf(db), client: FAST_CLIENT });
    const [added] = server.store.add(1);
    await syncFeed({ tenantId, feedId, db: clientOf(db), client: FAST_CLIENT });
    server.store.update(added!, { StandardStatus: "Delete" });
    const result = await syncFeed({ tenantId, feedId, db: clientOf(db), client: FAST_CLIENT });
    server.store.remove([added!]);
    expect(result).toMatchObject({ outcome: "succeeded", pages: 1, upserted: 0, removed: 1 });
    expect(await db.feedRun.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: result.runId! } } })).toMatchObject({
      pages: 1,
      upserted: 0,
      removed: 1,
    });
    expect(await db.listing.count({ where: { tenantId, ListingKey: added! } })).toBe(0);
    expect(await db.listingHistory.count({ where: { tenantId, ListingKey: added!, field: "Removed" } })).toBe(1);
  });

  it("after a page's commit is lost with its cursor, the run stops at its next page and the next run replays it", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server, { input: { pageSize: 10 } });
    // The state a failover to a standby that never received page 3's commit leaves: page 3's
    // listings, their history, the run's count of it and the cursor it moved, all gone together.
    let afterPage2: { timestamp: Date; key: string } | null = null;
    let lost: Promise<void> | null = null;
    const losePage3 = async (runId: string) => {
      const { timestamp, key } = afterPage2!;
      const keys = await db.$queryRawUnsafe<{ ListingKey: string }[]>(
        `DELETE FROM "Listing" WHERE "tenantId" = $1::uuid AND ("ModificationTimestamp", "ListingKey") > ($2::timestamp(3), $3) RETURNING "ListingKey"`,
        tenantId,
        timestamp.toISOString(),
        key,
      );
      expect(keys.length).toBe(10);
      await db.listingHistory.deleteMany({ where: { tenantId, ListingKey: { in: keys.map((k) => k.ListingKey) } } });
      await db.feed.update({ where: { tenantId_id: { tenantId, id: feedId } }, data: { cursorTimestamp: timestamp, cursorKey: key } });
      await db.feedRun.update({ where: { tenantId_id: { tenantId, id: runId } }, data: { pages: 2, upserted: 20 } });
    };
    // Page 4 is asked for while page 3 is written; its answer waits until page 3 is lost.
    let propertyRequests = 0;
    const gatedFetch: typeof fetch = async (input, init) => {
      if (new URL(String(input)).pathname.endsWith("/Property") && ++propertyRequests === 4) {
        while (!lost) await new Promise((r) => setTimeout(r, 10));
        await lost;
      }
      return outboundFetch(input, init);
    };
    const first = await syncFeed({
      tenantId,
      feedId,
      db: clientOf(db),
      client: { ...FAST_CLIENT, fetch: gatedFetch },
      onPage: (progress) => {
        if (progress.pages === 2) afterPage2 = { ...progress.cursor } as { timestamp: Date; key: string };
        if (progress.pages === 3) lost = db.feedRun.findFirstOrThrow({ where: { tenantId, feedId, status: "running" } }).then((run) => losePage3(run.id));
      },
    });
    expect(first).toMatchObject({ outcome: "failed", pages: 3 });
    expect(first.error).toContain("cursor");
    // Page 4 was not written over the gap.
    expect(await db.listing.count({ where: { tenantId } })).toBe(20);
    expect(await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } })).toMatchObject({
      cursorKey: afterPage2!.key,
      leaseOwner: null,
    });

    const resumed = await syncFeed({ tenantId, feedId, db: clientOf(db), client: FAST_CLIENT });
    expect(resumed).toMatchObject({ outcome: "succeeded", pages: 4, upserted: 40 });
    const keys = (await db.listing.findMany({ where: { tenantId }, select: { ListingKey: true } })).map((r) => r.ListingKey).sort();
    expect(keys).toEqual(server.store.keys().sort());
    const history = await db.listingHistory.groupBy({ by: ["ListingKey", "field"], where: { tenantId }, _count: { _all: true } });
    expect(history.length).toBe(120);
    expect(history.every((h) => h._count._all === 1)).toBe(true);
  });

  it("writes nothing when the run no longer holds the feed's lease", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server);
    const run = await db.feedRun.create({ data: { tenantId, feedId, kind: "incremental" }, select: { id: true } });
    await db.feed.update({
      where: { tenantId_id: { tenantId, id: feedId } },
      data: { leaseOwner: "another run", leaseExpiresAt: new Date(Date.now() + 60_000) },
    });
    const key = server.store.keys()[0]!;
    const mapped = mapProperty(server.store.get(key)!);
    if (!mapped.ok) throw new Error(mapped.reason);
    const rows: PageRow[] = [{ ...mapped.listing, townSlug: null }];

    const written = await writeListingPage(clientOf(db), {
      tenantId,
      feedId,
      runId: run.id,
      owner: "this run",
      rowsJson: listingRowsJson(rows),
      deleted: [],
      cursor: { timestamp: new Date(mapped.listing.ModificationTimestamp), key },
      after: { timestamp: null, key: null },
    });
    expect(written).toBeNull();
    expect(await db.listing.count({ where: { tenantId } })).toBe(0);
    expect(await db.listingHistory.count({ where: { tenantId } })).toBe(0);
    expect(await db.feedRun.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: run.id } } })).toMatchObject({ pages: 0, upserted: 0 });
    expect(await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } })).toMatchObject({
      cursorKey: null,
      cursorTimestamp: null,
      leaseOwner: "another run",
    });
  });
});
