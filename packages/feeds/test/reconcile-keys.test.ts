// The reconciliation's key list: read in pages larger than a data page, asked for again smaller
// when the server refuses the size, read on when it caps it, and nothing removed unless the whole
// list was read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { outboundFetch } from "@real-estate/types/outbound";
import type { ResoServer } from "@real-estate/demo/reso-server";
import { createResoClient, FeedInputError, syncFeed, updateFeed } from "../src";
import { KEY_PAGE_MIN, readFeedKeys } from "../src/replication/reconcile-feed";
import { createFeedFixture, FAST_CLIENT, startTestResoServer } from "./support/feed-fixtures";

const testDb = useTestDatabase("feeds_reconcile_keys");
const TOKEN = "static-Bearer-Token-77aa";
const COUNT = 2_500;
let strict: ResoServer;
let capping: ResoServer;

beforeAll(async () => {
  // A server that answers 400 to a $top above its limits, and one that sends a smaller page with a nextLink.
  strict = await startTestResoServer({ count: COUNT, maxPageSize: 500, maxKeyPageSize: 1_200, refuseTopAbove: true });
  capping = await startTestResoServer({ count: COUNT, maxPageSize: 500, maxKeyPageSize: 700 });
});
afterAll(async () => {
  await strict.close();
  await capping.close();
});

function keysClient(server: ResoServer) {
  return createResoClient({ baseUrl: server.serviceRoot, auth: { kind: "bearer", token: TOKEN }, backoffBaseMs: 5 });
}

describe("reading the feed's keys", () => {
  it("asks for fewer keys after a 400 for the page's size, and reads every key once", async () => {
    const before = strict.stats.requestsByResource.Property ?? 0;
    const keys = await readFeedKeys({ client: keysClient(strict), filter: null, keyPageSize: 4_000 });
    expect(keys).toEqual(strict.store.keys().sort());
    // 4,000 and 2,000 refused, then pages of 1,000: 1,000, 1,000 and the last 500.
    expect((strict.stats.requestsByResource.Property ?? 0) - before).toBe(5);
  });

  it("a $top the server refuses even at the smallest size is an error, not a short list", async () => {
    const tight = await startTestResoServer({ count: 50, maxPageSize: 20, refuseTopAbove: true });
    try {
      await expect(readFeedKeys({ client: keysClient(tight), filter: null })).rejects.toMatchObject({ options: { status: 400 } });
      expect(tight.stats.requestsByResource.Property).toBeGreaterThan(1);
    } finally {
      await tight.close();
    }
  });

  it("reads on after a page the server cut short with a nextLink", async () => {
    const keys = await readFeedKeys({ client: keysClient(capping), filter: null });
    expect(keys).toEqual(capping.store.keys().sort());
    expect(new Set(keys).size).toBe(COUNT);
  });

  it("keys pages up to the server's keys-only limit take few requests; data pages keep theirs", async () => {
    const before = capping.stats.requestsByResource.Property ?? 0;
    const keys = await readFeedKeys({ client: keysClient(capping), filter: null, keyPageSize: KEY_PAGE_MIN });
    expect(keys.length).toBe(COUNT);
    // 700 a page whatever is asked: 3 full pages and the last 400.
    expect((capping.stats.requestsByResource.Property ?? 0) - before).toBe(4);
    const page = await keysClient(capping).get("Property", { $top: "1000" });
    expect(page.value.length).toBe(500);
  });
});

describe("reconciliation with key pages", () => {
  it("removes nothing when the key list breaks off after its first page, and removes once it is read whole", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, strict, { input: { pageSize: 500, resources: ["Property"] } });
    expect(await syncFeed({ tenantId, feedId, client: FAST_CLIENT })).toMatchObject({ outcome: "succeeded", upserted: COUNT });
    const gone = strict.store.keys().sort().slice(-3);
    strict.store.remove(gone);
    // Every keys request after the first page fails: the list is never whole.
    let failed = 0;
    const failing: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      if (url.searchParams.get("$select") === "ListingKey" && url.searchParams.get("$filter")?.includes("ListingKey gt")) {
        failed++;
        return new Response("down", { status: 503 });
      }
      return outboundFetch(input, init);
    };
    const broken = await syncFeed({ tenantId, feedId, kind: "reconcile", client: { ...FAST_CLIENT, maxAttempts: 2, fetch: failing } });
    expect(broken.outcome).toBe("failed");
    expect(failed).toBe(2);
    expect(await db.listing.count({ where: { tenantId, feedId } })).toBe(COUNT);

    const whole = await syncFeed({ tenantId, feedId, kind: "reconcile", client: FAST_CLIENT });
    expect(whole).toMatchObject({ outcome: "succeeded", removed: 3 });
    expect(await db.listing.count({ where: { tenantId, feedId, ListingKey: { in: gone } } })).toBe(0);
    expect(await db.listing.count({ where: { tenantId, feedId } })).toBe(COUNT - 3);
    const removedHistory = await db.listingHistory.findMany({ where: { tenantId, field: "Removed" }, select: { ListingKey: true } });
    expect(removedHistory.map((h) => h.ListingKey).sort()).toEqual(gone);
  });

  it("asks for the feed's own keys page size, which its settings bound", async () => {
    const { db } = testDb();
    const { tenantId, feedId, feed } = await createFeedFixture(db, capping, { input: { pageSize: 500, resources: ["Property"] } });
    expect(feed.keyPageSize).toBe(10_000);
    const input = {
      name: feed.name,
      baseUrl: capping.serviceRoot,
      authKind: "client_credentials" as const,
      tokenUrl: capping.tokenUrl,
      clientId: feed.clientId!,
      pageSize: 500,
      resources: ["Property" as const],
    };
    await expect(updateFeed({ tenantId, feedId, db, input: { ...input, keyPageSize: 999 } })).rejects.toBeInstanceOf(FeedInputError);
    await expect(updateFeed({ tenantId, feedId, db, input: { ...input, keyPageSize: 100_001 } })).rejects.toBeInstanceOf(FeedInputError);
    expect((await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } })).keyPageSize).toBe(10_000);
    expect(await updateFeed({ tenantId, feedId, db, input: { ...input, keyPageSize: 1_500 } })).toMatchObject({ keyPageSize: 1_500 });
    // An edit that leaves it out keeps it.
    expect(await updateFeed({ tenantId, feedId, db, input })).toMatchObject({ keyPageSize: 1_500 });

    const asked: string[] = [];
    const recording: typeof fetch = async (request, init) => {
      const url = new URL(String(request));
      if (url.searchParams.get("$select") === "ListingKey") asked.push(url.searchParams.get("$top")!);
      return outboundFetch(request, init);
    };
    const result = await syncFeed({ tenantId, feedId, kind: "full", client: { ...FAST_CLIENT, fetch: recording } });
    expect(result).toMatchObject({ outcome: "succeeded", upserted: COUNT, removed: 0 });
    // 700 keys a page from this server whatever is asked: four pages, each asked for 1,500.
    expect(asked).toEqual(["1500", "1500", "1500", "1500"]);
  });
});
