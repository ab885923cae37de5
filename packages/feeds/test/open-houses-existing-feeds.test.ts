// Feeds stored before open houses existed (resources Property, Media, Member, Office) replicate
// OpenHouse after the data migration 20261203144000_feeds_replicate_open_houses, with no edit by
// an operator (decision 0046). The migration's own SQL runs here against such rows.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { migrationsDir } from "@real-estate/db/migrate";
import type { ResoServer } from "@real-estate/demo/reso-server";
import { syncFeed } from "../src";
import { createFeedFixture, FAST_CLIENT, startTestResoServer } from "./support/feed-fixtures";

const MIGRATION = "20261203144000_feeds_replicate_open_houses";
const OLD_RESOURCES: ("Property" | "Media" | "Member" | "Office")[] = ["Property", "Media", "Member", "Office"];

const testDb = useTestDatabase("feeds_oh_existing");
let serverA: ResoServer;
let serverB: ResoServer;

beforeAll(async () => {
  serverA = await startTestResoServer({ count: 160 });
  serverB = await startTestResoServer({ count: 160 });
});
afterAll(async () => {
  await serverA.close();
  await serverB.close();
});

async function runMigration() {
  const sql = fs.readFileSync(path.join(migrationsDir, MIGRATION, "migration.sql"), "utf8");
  return testDb().db.$executeRawUnsafe(sql);
}

/** A feed row as it was stored before open houses: the resources of that time. */
async function createOldFeed(server: ResoServer, slug: string) {
  return createFeedFixture(testDb().db, server, { slug, input: { resources: OLD_RESOURCES } });
}

async function storedOpenHouses(tenantId: string) {
  return testDb().db.openHouse.findMany({ where: { tenantId }, orderBy: { OpenHouseKey: "asc" } });
}

async function resourcesOf(tenantId: string, feedId: string) {
  return (await testDb().db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } })).resources;
}

describe("feeds stored before open houses existed", () => {
  it("replicate OpenHouse after the migration with no edit, each tenant from its own feed", async () => {
    const { db } = testDb();
    const a = await createOldFeed(serverA, "oh-old-a");
    const b = await createOldFeed(serverB, "oh-old-b");
    // A third tenant's feed that already replicates open houses.
    const current = await createFeedFixture(db, serverB, { slug: "oh-current" });
    const currentResources = [...current.feed.resources];
    expect(currentResources).toContain("OpenHouse");

    // Before the migration: tenant A's old feed loads its listings and no open houses.
    const before = await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, client: FAST_CLIENT });
    expect(before.outcome).toBe("succeeded");
    expect(before.upserted).toBe(serverA.store.properties.size);
    expect(before.openHouses).toBeUndefined();
    expect(await storedOpenHouses(a.tenantId)).toEqual([]);

    expect(await runMigration()).toBe(2);
    expect(await resourcesOf(a.tenantId, a.feedId)).toEqual([...OLD_RESOURCES, "OpenHouse"]);
    expect(await resourcesOf(b.tenantId, b.feedId)).toEqual([...OLD_RESOURCES, "OpenHouse"]);
    expect(await resourcesOf(current.tenantId, current.feedId)).toEqual(currentResources);
    // Run again (a restored backup, a second deploy): nothing changes.
    expect(await runMigration()).toBe(0);

    // A's next ordinary (incremental) run brings the open houses of the listings it already has;
    // B's first run brings its listings and their open houses. Each tenant gets its own feed's.
    const after = await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, client: FAST_CLIENT });
    expect(after).toMatchObject({ outcome: "succeeded", upserted: 0 });
    expect(after.openHouses).toMatchObject({ upserted: serverA.store.openHouses.size, skipped: 0, rejected: 0 });
    const firstB = await syncFeed({ tenantId: b.tenantId, feedId: b.feedId, client: FAST_CLIENT });
    expect(firstB.outcome).toBe("succeeded");
    expect(firstB.openHouses).toMatchObject({ upserted: serverB.store.openHouses.size, skipped: 0 });

    for (const [fixture, server] of [
      [a, serverA],
      [b, serverB],
    ] as const) {
      const stored = await storedOpenHouses(fixture.tenantId);
      expect(stored.length).toBeGreaterThan(5);
      expect(stored.map((o) => o.OpenHouseKey)).toEqual([...server.store.openHouses.keys()].sort());
      expect(new Set(stored.map((o) => o.feedId))).toEqual(new Set([fixture.feedId]));
    }
  });
});
