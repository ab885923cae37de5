import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import type { ResoServer } from "@real-estate/demo/reso-server";
import { FEED_PAUSE_AFTER_FAILURES, getFeed, listFeeds, openSecret, syncFeed, updateFeed } from "../src";
import { CLIENT, createFeedFixture, FAST_CLIENT, startTestResoServer } from "./support/feed-fixtures";

const testDb = useTestDatabase("feeds_resilience");
const here = path.dirname(fileURLToPath(import.meta.url));
let server: ResoServer;

beforeAll(async () => {
  server = await startTestResoServer({ count: 200 });
});
afterAll(async () => {
  await server.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the server's limits", () => {
  it("waits out 429 Retry-After and retries 5xx with backoff, then completes", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server, { input: { pageSize: 100 } });
    server.injectFault({ resource: "Property", status: 429, retryAfterSeconds: 1, times: 2 });
    server.injectFault({ resource: "Property", status: 503, times: 2 });
    const faultsBefore = server.stats.faultsServed;
    const started = Date.now();
    const result = await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    expect(result).toMatchObject({ outcome: "succeeded", upserted: 200 });
    expect(server.stats.faultsServed - faultsBefore).toBe(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it("a timeout counts as a failure to retry, not a hang", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server, { input: { pageSize: 100 } });
    server.injectFault({ resource: "Property", delayMs: 1_500, times: 1 });
    const result = await syncFeed({ tenantId, feedId, client: { ...FAST_CLIENT, timeoutMs: 500 } });
    expect(result).toMatchObject({ outcome: "succeeded", upserted: 200 });
  });

  it("a long Retry-After ends the run and schedules the next one after it, no tight loop", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server);
    server.injectFault({ resource: "Property", status: 429, retryAfterSeconds: 7200, times: 1 });
    const requestsBefore = server.stats.requestsByResource.Property ?? 0;
    const result = await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    expect(result.outcome).toBe("failed");
    expect((server.stats.requestsByResource.Property ?? 0) - requestsBefore).toBe(1);
    const feed = (await getFeed({ tenantId, feedId }))!;
    expect(feed.status).toBe("failing");
    expect(feed.lastError).toContain("429");
    expect(feed.nextRunAt.getTime()).toBeGreaterThanOrEqual(Date.now() + 7_100_000);
  });

  it("a feed that keeps failing backs off and is paused; bad credentials pause it at once", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server);
    const delays: number[] = [];
    for (let i = 1; i <= FEED_PAUSE_AFTER_FAILURES; i++) {
      server.injectFault({ resource: "Property", status: 500, times: 2 });
      const result = await syncFeed({ tenantId, feedId, client: { ...FAST_CLIENT, maxAttempts: 2 } });
      expect(result.outcome).toBe("failed");
      const feed = (await getFeed({ tenantId, feedId }))!;
      delays.push(feed.nextRunAt.getTime() - Date.now());
      expect(feed.status).toBe(i < FEED_PAUSE_AFTER_FAILURES ? "failing" : "paused");
      expect(feed.consecutiveFailures).toBe(i);
    }
    // 1, 2, 4, 8 minutes: each wait longer than the one before.
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
    expect(delays[0]!).toBeGreaterThan(55_000);

    const other = await createFeedFixture(db, server, { input: { secret: "wrong-secret-value-1234" } });
    const denied = await syncFeed({ tenantId: other.tenantId, feedId: other.feedId, client: FAST_CLIENT });
    expect(denied).toMatchObject({ outcome: "failed", paused: true });
    expect(denied.error).toContain("401");
  });
});

describe("credentials", () => {
  it("are sealed at rest, bound to their feed, and never shown, logged or stored in an error", async () => {
    const { db } = testDb();
    const { tenantId, feedId, feed } = await createFeedFixture(db, server);
    expect(JSON.stringify(feed)).not.toContain(CLIENT.clientSecret);
    expect(feed.secretHint).toBe(`••••${CLIENT.clientSecret.slice(-4)}`);
    const row = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } });
    expect(row.secretCiphertext).not.toContain(CLIENT.clientSecret);
    expect(openSecret({ tenantId, feedId, sealed: row.secretCiphertext })).toBe(CLIENT.clientSecret);
    const other = await createFeedFixture(db, server);
    expect(() => openSecret({ tenantId: other.tenantId, feedId: other.feedId, sealed: row.secretCiphertext })).toThrow();

    // An edit without a secret keeps it; the listing of feeds never carries it.
    await updateFeed({
      tenantId,
      feedId,
      input: { name: "Renamed", baseUrl: server.serviceRoot, authKind: "client_credentials", tokenUrl: server.tokenUrl, clientId: CLIENT.clientId, secret: "" },
    });
    const kept = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } });
    expect(openSecret({ tenantId, feedId, sealed: kept.secretCiphertext })).toBe(CLIENT.clientSecret);
    expect(JSON.stringify(await listFeeds({ tenantId }))).not.toContain(CLIENT.clientSecret);

    // A failing run writes its error without the secret, nor the access token, anywhere.
    const output: string[] = [];
    const capture = (...args: unknown[]) => void output.push(args.map(String).join(" "));
    const saved = { log: console.log, error: console.error, warn: console.warn };
    Object.assign(console, { log: capture, error: capture, warn: capture });
    try {
      server.injectFault({ resource: "Property", status: 400, times: 1 });
      await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    } finally {
      Object.assign(console, saved);
    }
    const runs = await db.feedRun.findMany({ where: { tenantId, feedId } });
    const stored = JSON.stringify({ runs, feed: await getFeed({ tenantId, feedId }), output });
    expect(stored).toContain("400");
    expect(stored).not.toContain(CLIENT.clientSecret);
    expect(stored).not.toMatch(/Bearer [A-Za-z0-9_-]{10,}/);
  });
});

describe("two tenants", () => {
  it("never mix: same MLS keys in two tenants, each feed writes and removes only its own", async () => {
    const { db } = testDb();
    const a = await createFeedFixture(db, server);
    const b = await createFeedFixture(db, server, { input: { filter: "City eq 'Marblehead'", authKind: "bearer", secret: "static-Bearer-Token-77aa" } });
    expect((await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, client: FAST_CLIENT })).outcome).toBe("succeeded");
    expect((await syncFeed({ tenantId: b.tenantId, feedId: b.feedId, client: FAST_CLIENT })).outcome).toBe("succeeded");
    const marblehead = server.store.keys().filter((k) => server.store.get(k)!.City === "Marblehead");
    expect(marblehead.length).toBeGreaterThan(3);
    expect(await db.listing.count({ where: { tenantId: a.tenantId } })).toBe(server.store.keys().length);
    const bKeys = await db.listing.findMany({ where: { tenantId: b.tenantId }, select: { ListingKey: true, feedId: true } });
    expect(bKeys.map((r) => r.ListingKey).sort()).toEqual(marblehead.sort());
    expect(new Set(bKeys.map((r) => r.feedId))).toEqual(new Set([b.feedId]));

    // A feed id of tenant A used with tenant B is a missing feed, not A's.
    expect((await syncFeed({ tenantId: b.tenantId, feedId: a.feedId })).outcome).toBe("missing");
    expect(await getFeed({ tenantId: b.tenantId, feedId: a.feedId })).toBeNull();

    // B's reconciliation removes from B only; A keeps the same key.
    const gone = marblehead[0]!;
    server.store.remove([gone]);
    await syncFeed({ tenantId: b.tenantId, feedId: b.feedId, kind: "reconcile", client: FAST_CLIENT });
    expect(await db.listing.count({ where: { tenantId: b.tenantId, ListingKey: gone } })).toBe(0);
    expect(await db.listing.count({ where: { tenantId: a.tenantId, ListingKey: gone } })).toBe(1);
    expect(await db.listingHistory.count({ where: { tenantId: a.tenantId, field: "Removed" } })).toBe(0);
    server.store.add(1);
  });
});

describe("a crash mid-run", () => {
  it("SIGKILL during an initial load, then resume: every listing once, no gaps, no duplicate history", async () => {
    const { db, url } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server, { input: { pageSize: 10 } });
    server.injectFault({ resource: "Property", delayMs: 250, times: 1_000 });
    const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "support/run-sync.ts"), tenantId, feedId], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    const deadline = Date.now() + 60_000;
    while (!/page 4\b/.test(out)) {
      if (Date.now() > deadline) throw new Error(`child made no progress: ${out}`);
      await sleep(50);
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    server.clearFaults();

    const after = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } });
    const committed = await db.listing.count({ where: { tenantId } });
    expect(committed).toBeGreaterThanOrEqual(40);
    expect(committed).toBeLessThan(200);
    expect(after.cursorKey).not.toBeNull();
    expect(after.leaseOwner).not.toBeNull();

    // The killed run's lease blocks a second run until it runs out (FEED_LEASE_MS, 1.5 s in tests).
    expect((await syncFeed({ tenantId, feedId, client: FAST_CLIENT })).outcome).toBe("busy");
    await sleep(1_600);
    const resumed = await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    expect(resumed.outcome).toBe("succeeded");
    expect(resumed.upserted).toBe(200 - committed);
    const keys = (await db.listing.findMany({ where: { tenantId }, select: { ListingKey: true } })).map((r) => r.ListingKey).sort();
    expect(keys).toEqual(server.store.keys().sort());
    const history = await db.listingHistory.groupBy({ by: ["ListingKey"], where: { tenantId }, _count: { _all: true } });
    expect(history.length).toBe(200);
    expect(history.every((h) => h._count._all === 2)).toBe(true);
    const runs = await db.feedRun.findMany({ where: { tenantId, feedId }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["interrupted", "succeeded"]);
  });
});
