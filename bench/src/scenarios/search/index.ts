// Home search at market size: two tenants of N listings each (a tenant's whole MLS), searched the
// way the website's search page does it (searchListings: one page of 12 and the total, through
// Prisma) with filters and a map area, and the search map's dots (listListingPoints). Baseline in
// the same run: a primary-key read of one listing through the same client, the cheapest query a
// page makes. Issue 15's goal is absolute: p99 < 50 ms at the database. Then the search page
// itself (/homes with the same kind of searches, each a different URL, so no cached page answers)
// on the web app's production build, one request at a time, against a static file of the same
// server in the same minutes.
import { listListingPoints, searchListings, type ListingFilters } from "@real-estate/sites";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type Figure, type ScenarioResult } from "../../lib/figures";
import { httpRequest } from "../../lib/http";
import { ensureBuilt, startNextServer } from "../../lib/next-app";
import { PORTS } from "../../lib/sizes";
import { createBenchTenants, openPlatformDb, type PlatformDb } from "../../lib/platform-db";
import { summarize } from "../../lib/stats";

const TOWNS = 40;
/** Rhode Island-sized area: listings spread over about 0.8 × 0.8 degrees. */
const AREA = { west: -71.9, south: 41.2, east: -71.1, north: 42.0 };

async function seedListings(p: PlatformDb, tenantId: string, n: number) {
  await p.pool.query(
    `INSERT INTO "Listing" ("tenantId", id, "ListingKey", "StandardStatus", "PropertyType", "PropertySubType", "ListPrice", "BedroomsTotal",
       "BathroomsTotalInteger", "LivingArea", "LotSizeAcres", "YearBuilt", "UnparsedAddress", "City", "StateOrProvince", "PostalCode",
       "Latitude", "Longitude", "townSlug", "OnMarketDate", "ModificationTimestamp", "PublicRemarks")
     SELECT $1::uuid, gen_random_uuid(), 'B' || lpad(i::text, 7, '0'),
       (ARRAY['Active','Active','Active','Active','Active','Active','Pending','Closed','Withdrawn','Expired'])[1 + i % 10],
       'Residential', (ARRAY['SingleFamilyResidence','Condominium','Townhouse'])[1 + i % 3],
       150000 + (hashint % 3000) * 1000, 1 + i % 6, 1 + i % 4, 700 + (hashint % 4000), 0.1 + (i % 50) / 10.0, 1900 + i % 125,
       i || ' Bench Street', 'Town ' || (i % ${TOWNS}), 'RI', '02840',
       ${AREA.south} + ((hashint / 7) % 10000) / 10000.0 * ${AREA.north - AREA.south},
       ${AREA.west} + ((hashint / 13) % 10000) / 10000.0 * ${AREA.east - AREA.west},
       'town-' || (i % ${TOWNS}), now() - ((i % 365) || ' days')::interval, now() - (i || ' seconds')::interval,
       'A bench listing with a garden and a garage.'
     FROM (SELECT i, abs(hashtext(i::text)) AS hashint FROM generate_series(1, $2::int) AS i) s`,
    [tenantId, n],
  );
}

/** A search a visitor might make: a map area the size of a town or two, and a mix of filters. */
function randomSearch(r: () => number): ListingFilters {
  const w = 0.05 + r() * 0.15;
  const h = 0.04 + r() * 0.1;
  const west = AREA.west + r() * (AREA.east - AREA.west - w);
  const south = AREA.south + r() * (AREA.north - AREA.south - h);
  const filters: ListingFilters = { bounds: { west, south, east: west + w, north: south + h } };
  const pick = r();
  if (pick < 0.3) filters.minPrice = 300_000 + Math.floor(r() * 10) * 100_000;
  if (pick > 0.2 && pick < 0.6) filters.beds = 2 + Math.floor(r() * 3);
  if (pick > 0.5 && pick < 0.8) filters.minLivingArea = 1_500 + Math.floor(r() * 4) * 500;
  if (pick > 0.7) filters.newWithinDays = [7, 30, 90][Math.floor(r() * 3)];
  return filters;
}

function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

/** The search page's query for the same search (what the map and the filter form put in the URL). */
function searchPath(f: ListingFilters, sort: string): string {
  const q = new URLSearchParams();
  if (f.bounds) q.set("bounds", [f.bounds.west, f.bounds.south, f.bounds.east, f.bounds.north].map((v) => v.toFixed(5)).join(","));
  if (f.minPrice !== undefined) q.set("minPrice", String(f.minPrice));
  if (f.beds !== undefined) q.set("beds", String(f.beds));
  if (f.minLivingArea !== undefined) q.set("minSqft", String(f.minLivingArea));
  if (f.newWithinDays !== undefined) q.set("newDays", String(f.newWithinDays));
  q.set("sort", sort);
  return `/homes?${q.toString()}`;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** The search page on the web app (production build), one request at a time; static file as baseline. */
async function measureSearchPage(ctx: BenchContext, p: PlatformDb, host: string, r: () => number): Promise<{ figures: Figure[]; details: unknown }> {
  const requests = ctx.args.quick ? 40 : 200;
  const server = await startNextServer({ app: "web", port: PORTS.web, databaseUrl: p.url, env: { DB_POOL_SIZE: "10" }, probeHost: host, probePath: "/" });
  try {
    const get = async (path: string) => {
      const answer = await httpRequest({ port: server.port, host, path });
      if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
      return answer;
    };
    // Warm-up: compiled routes, connections, the layout's own reads.
    for (let i = 0; i < 10; i++) await get(searchPath(randomSearch(r), "newest"));
    const page: number[] = [];
    const statik: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const path = searchPath(randomSearch(r), i % 2 ? "price-asc" : "newest");
      page.push(await timed(async () => (bytes += (await get(path)).body.length)));
      statik.push(await timed(() => get("/static/bench.html")));
    }
    const pg = summarize(page);
    const st = summarize(statik);
    log(`search page: p50 ${fmt(pg.p50, 1)} ms, p99 ${fmt(pg.p99, 1)} ms (${fmt(bytes / requests)} bytes); static file p99 ${fmt(st.p99, 1)} ms`);
    return {
      figures: [
        figure({
          scenario: "search",
          name: `search page /homes with filters and a map area (page level, one at a time, uncached URLs), p99`,
          unit: "ms",
          better: "lower",
          value: pg.p99,
          baseline: { label: "static file of the same server, p99", value: st.p99 },
          note: "reported, no goal",
        }),
      ],
      details: { requests, page: pg, staticFile: st, averageBytes: bytes / requests },
    };
  } finally {
    await server.stop();
  }
}

export async function runSearchScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  // The web app's build first (when stale), so no build runs while anything is timed.
  ensureBuilt("web", { rebuild: ctx.args.rebuild });
  const n = ctx.sizes.searchListings;
  const queries = ctx.sizes.searchQueries;
  const p = await openPlatformDb("search", { poolSize: 4 });
  try {
    const tenants = await createBenchTenants(p.db, [`search-a-${ctx.runId}`, `search-b-${ctx.runId}`]);
    const seeded = performance.now();
    for (const t of tenants) await seedListings(p, t.tenantId, n);
    // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans need.
    await p.pool.query(`VACUUM ANALYZE "Listing"`);
    log(`${fmt(n)} listings in each of ${tenants.length} tenants (seeded in ${fmt((performance.now() - seeded) / 1000, 1)} s)`);
    const tenantId = tenants[0]!.tenantId;

    // Warm-up (plans, connections), then the measured rounds, interleaved so load hits all alike.
    const r = lcg(42);
    for (let i = 0; i < 20; i++) await searchListings({ tenantId, filters: randomSearch(r), db: p.db });
    const search: number[] = [];
    const points: number[] = [];
    const baseline: number[] = [];
    const found: number[] = [];
    for (let i = 0; i < queries; i++) {
      const filters = randomSearch(r);
      search.push(
        await timed(async () => {
          const result = await searchListings({ tenantId, filters, sort: i % 2 ? "price-asc" : "newest", db: p.db });
          found.push(result.total);
        }),
      );
      points.push(await timed(() => listListingPoints({ tenantId, filters, limit: 1_000, db: p.db })));
      const key = `B${String(1 + Math.floor(r() * n)).padStart(7, "0")}`;
      baseline.push(await timed(() => p.db.listing.findUnique({ where: { tenantId_ListingKey: { tenantId, ListingKey: key } }, select: { id: true } })));
    }
    const pageFigures = await measureSearchPage(ctx, p, tenants[0]!.webHost, r);
    const s = summarize(search);
    const m = summarize(points);
    const b = summarize(baseline);
    const f = summarize(found);
    log(
      `search p50 ${fmt(s.p50, 1)} ms, p99 ${fmt(s.p99, 1)} ms; map dots p99 ${fmt(m.p99, 1)} ms; key read p99 ${fmt(b.p99, 1)} ms; homes found p50 ${fmt(f.p50)}`,
    );
    return {
      scenario: "search",
      figures: [
        figure({
          scenario: "search",
          name: `search with filters and a map area, ${fmt(n)} listings per tenant (page of 12 + total), p99`,
          unit: "ms",
          better: "lower",
          value: s.p99,
          baseline: { label: "primary-key read of one listing, p99", value: b.p99 },
          goal: { text: "< 50 ms", valueAtMost: 50 },
        }),
        ...pageFigures.figures,
        figure({
          scenario: "search",
          name: `search map dots for the same searches (up to 1,000), p99`,
          unit: "ms",
          better: "lower",
          value: m.p99,
          baseline: { label: "primary-key read of one listing, p99", value: b.p99 },
          goal: { text: "< 50 ms", valueAtMost: 50 },
        }),
      ],
      details: { listingsPerTenant: n, tenants: tenants.length, queries, search: s, mapDots: m, keyRead: b, homesFound: f, page: pageFigures.details },
    };
  } finally {
    await p.close();
  }
}
