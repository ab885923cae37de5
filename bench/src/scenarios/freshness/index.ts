// Feed freshness: 1,000 listings change at the MLS (the local RESO server) and the bench times, for
// each, how long until the website's search sees the new price. Ours is the real path: the feed's
// chain of "feed.sync" jobs run by a queue worker on the feed's schedule (15 s, the smallest
// interval), incremental replication, the Listing rows the search reads. Baseline in the same run:
// another 1,000 changes pulled by one direct incremental sync started right after them (no queue,
// no wait for the schedule): the replication's own floor. Pages add their 5 s revalidation.
import crypto from "node:crypto";
import { SHORELINE_TENANT } from "@real-estate/demo";
import { startResoServer } from "@real-estate/demo/reso-server";
import { createFeed, FEED_SYNC_KIND, syncFeed } from "@real-estate/feeds";
import { createWorker, feedSyncKind, silentLogger } from "@real-estate/ingestion-worker";
import { searchListings } from "@real-estate/sites";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type ScenarioResult } from "../../lib/figures";
import { createBenchTenants, openPlatformDb, type PlatformDb } from "../../lib/platform-db";
import { summarize } from "../../lib/stats";

const TOKEN = crypto.randomBytes(24).toString("base64url");
const INTERVAL_SECONDS = 15;
/** Changed prices start here: no generated listing costs this much, so a search can find them all. */
const MARK_PRICE = 9_000_000;
const GIVE_UP_MS = 180_000;

/** Waits until every changed listing has its new price in the Listing table; ms after the change, by key. */
async function timeVisibility(p: PlatformDb, tenantId: string, changed: Map<string, number>, changedAt: number): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  const keys = [...changed.keys()];
  while (seen.size < changed.size && Date.now() - changedAt < GIVE_UP_MS) {
    const rows = await p.pool.query<{ key: string; price: number }>(
      `SELECT "ListingKey" AS key, "ListPrice"::float8 AS price FROM "Listing" WHERE "tenantId" = $1::uuid AND "ListingKey" = ANY($2::text[])`,
      [tenantId, keys],
    );
    const now = Date.now();
    for (const r of rows.rows) if (!seen.has(r.key) && r.price === changed.get(r.key)) seen.set(r.key, now - changedAt);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return seen;
}

export async function runFreshnessScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  const n = ctx.sizes.freshnessListings;
  const changes = 1_000;
  if (!process.env.FEED_CREDENTIALS_KEY) process.env.FEED_CREDENTIALS_KEY = crypto.randomBytes(32).toString("base64");
  const p = await openPlatformDb("freshness", { poolSize: 6 });
  const server = await startResoServer({ tenant: SHORELINE_TENANT, count: n, bearerTokens: [TOKEN], maxPageSize: 1_000 });
  // Feeds reach this machine only where an operator allowed it: exactly the local RESO server.
  process.env.FEED_ALLOWED_HOSTS = new URL(server.serviceRoot).host;
  const worker = createWorker({ db: p.db, kinds: { [FEED_SYNC_KIND]: feedSyncKind() }, concurrency: 2, pollIntervalMs: 500, logger: silentLogger });
  let running: Promise<void> | null = null;
  try {
    const [tenant] = await createBenchTenants(p.db, [`freshness-${ctx.runId}`]);
    const tenantId = tenant!.tenantId;
    const feed = await createFeed({
      tenantId,
      db: p.db,
      input: { name: "Bench MLS", baseUrl: server.serviceRoot, authKind: "bearer", secret: TOKEN, pageSize: 1_000, syncIntervalSeconds: INTERVAL_SECONDS },
    });
    const loaded = await syncFeed({ tenantId, feedId: feed.id, kind: "full", db: p.db });
    if (loaded.outcome !== "succeeded") throw new Error(`initial sync ${loaded.outcome}: ${loaded.error ?? ""}`);
    log(`feed loaded: ${fmt(loaded.upserted)} listings`);

    // Listings the search shows (active, not withheld from internet display), two disjoint sets of 1,000.
    const active = [...server.store.properties.values()]
      .filter((r) => r.StandardStatus === "Active" && r.InternetEntireListingDisplayYN !== false)
      .map((r) => String(r.ListingKey));
    if (active.length < 2 * changes) throw new Error(`only ${active.length} active listings; need ${2 * changes}`);
    const change = (keys: string[], offset: number) => {
      const prices = new Map(keys.map((key, i) => [key, MARK_PRICE + (offset + i) * 1_000]));
      for (const [key, price] of prices) server.store.update(key, { ListPrice: price });
      return prices;
    };

    // Baseline: the same number of changes, pulled at once by a direct incremental sync.
    const baselineAt = Date.now();
    const baselinePrices = change(active.slice(0, changes), 0);
    const direct = await syncFeed({ tenantId, feedId: feed.id, kind: "incremental", db: p.db });
    const baselineSeen = await timeVisibility(p, tenantId, baselinePrices, baselineAt);
    const b = summarize([...baselineSeen.values()]);
    log(`direct sync of ${fmt(direct.upserted)} changes: all visible after ${fmt(b.max, 0)} ms`);

    // Ours: the worker runs the feed's scheduled jobs; the changes land at an arbitrary point of the interval.
    running = worker.run();
    await new Promise((resolve) => setTimeout(resolve, 1_000 + Math.random() * INTERVAL_SECONDS * 1_000));
    const changedAt = Date.now();
    const prices = change(active.slice(changes, 2 * changes), changes);
    const seen = await timeVisibility(p, tenantId, prices, changedAt);
    const s = summarize([...seen.values()]);
    // Both sets, through the search itself: every changed home is found at its new price.
    const inSearch = await searchListings({ tenantId, filters: { minPrice: MARK_PRICE }, db: p.db });
    log(
      `scheduled runs: ${fmt(seen.size)} of ${fmt(changes)} changes visible, p50 ${fmt(s.p50, 0)} ms, p99 ${fmt(s.p99, 0)} ms; the search finds ${fmt(inSearch.total)} changed homes`,
    );
    const missing = changes - seen.size;
    return {
      scenario: "freshness",
      figures: [
        figure({
          scenario: "freshness",
          name: `${fmt(changes)} changed listings at the feed -> in search (scheduled feed.sync jobs, ${INTERVAL_SECONDS} s interval), p99`,
          unit: "ms",
          better: "lower",
          value: missing ? null : s.p99,
          baseline: { label: "the same number of changes pulled by a direct sync started at once, slowest", value: b.max },
          goal: { text: "<= 60 s", valueAtMost: 60_000 },
          note: missing
            ? `${missing} changes not visible within ${GIVE_UP_MS / 1000} s`
            : inSearch.total !== 2 * changes
              ? `the search found ${inSearch.total} of ${2 * changes} changed homes`
              : undefined,
        }),
      ],
      details: { listings: n, changes, intervalSeconds: INTERVAL_SECONDS, scheduled: s, direct: b, searchFound: inSearch.total },
    };
  } finally {
    await worker.stop();
    await running;
    await server.close();
    await p.close();
  }
}
