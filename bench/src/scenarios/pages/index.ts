import { seedDemoData } from "@real-estate/demo";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type Figure, type ScenarioResult } from "../../lib/figures";
import { httpRequest } from "../../lib/http";
import { runLoad, warmUp, type LoadResult } from "../../lib/load";
import { ensureBuilt, startNextServer } from "../../lib/next-app";
import { openPlatformDb, type PlatformDb } from "../../lib/platform-db";
import { RssSampler } from "../../lib/processes";
import { PORTS } from "../../lib/sizes";

const STATIC_PATH = "/static/bench.html";
const TINY_PATH = "/robots.txt";
const TINY_NAME = "robots.txt (proxy + cache, tiny body)";

export type Target = { name: string; path: string };

/** A town, a search and a listing of the first seeded tenant, read from the bench database. */
export async function pickTargets(p: PlatformDb): Promise<{ host: string; targets: Target[] }> {
  const row = await p.pool.query<{ tenantId: string; host: string; town: string; listing: string }>(
    `SELECT d."tenantId", d.hostname AS host,
            (SELECT slug FROM "Town" t WHERE t."tenantId" = d."tenantId" ORDER BY "sortOrder", slug LIMIT 1) AS town,
            (SELECT "ListingKey" FROM "Listing" l WHERE l."tenantId" = d."tenantId" AND "StandardStatus" = 'Active' ORDER BY "ListingKey" LIMIT 1) AS listing
       FROM "TenantDomain" d WHERE d.kind = 'WEB' AND d."isPrimary" ORDER BY d.hostname LIMIT 1`,
  );
  const r = row.rows[0];
  if (!r?.town || !r.listing) throw new Error("the seeded bench database has no town or listing");
  return {
    host: r.host,
    targets: [
      { name: "town page", path: `/towns/${r.town}` },
      { name: "search results", path: `/homes?town=${r.town}&minPrice=300000&beds=2` },
      { name: "listing page", path: `/homes/${r.listing}` },
    ],
  };
}

export async function runPagesScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  ensureBuilt("web", { rebuild: ctx.args.rebuild });
  const p = await openPlatformDb("pages");
  try {
    await seedDemoData({ db: p.db, log: () => undefined });
    const { host, targets } = await pickTargets(p);
    const server = await startNextServer({ app: "web", port: PORTS.web, databaseUrl: p.url, env: { DB_POOL_SIZE: "10" }, probeHost: host, probePath: "/" });
    const rss = new RssSampler(server.pid).start();
    rss.markIdle();
    try {
      const sizes: Record<string, number> = {};
      for (const t of [{ name: "static file", path: STATIC_PATH }, { name: TINY_NAME, path: TINY_PATH }, ...targets]) {
        const answer = await httpRequest({ port: server.port, host, path: t.path });
        if (answer.status !== 200) throw new Error(`${t.path} answered ${answer.status} before the load`);
        sizes[t.name] = answer.body.length;
      }
      rss.markWarm();
      const connections = ctx.sizes.httpConnections;
      const seconds = ctx.sizes.pageLoadSeconds;
      const load = async (path: string): Promise<LoadResult> => {
        await warmUp({ port: server.port, host, path });
        return runLoad({ port: server.port, host, path, connections, seconds });
      };
      const base = await load(STATIC_PATH);
      log(`static file (${fmt(sizes["static file"])} bytes): ${fmt(base.okPerSecond)} req/s, p99 ${fmt(base.p99Ms, 1)} ms`);
      const figures: Figure[] = [];
      const measured: Record<string, LoadResult> = { static: base };
      // Where a page's time goes: a tiny cached route through the same proxy and rewrite as the
      // pages (robots.txt, ISR) separates the per-request path from page size and rendering.
      const tiny = await load(TINY_PATH);
      measured[TINY_NAME] = tiny;
      log(`${TINY_NAME} ${TINY_PATH} (${fmt(sizes[TINY_NAME])} bytes): ${fmt(tiny.okPerSecond)} req/s, p99 ${fmt(tiny.p99Ms, 1)} ms`);
      figures.push(
        figure({
          scenario: "pages",
          name: `${TINY_NAME} req/s`,
          unit: "req/s",
          better: "higher",
          value: tiny.okPerSecond,
          baseline: { label: "static file, same server", value: base.okPerSecond },
          note: "reference, no goal",
        }),
      );
      for (const t of targets) {
        const r = await load(t.path);
        measured[t.name] = r;
        const errors = r.non2xx + r.errors + r.timeouts;
        log(
          `${t.name} ${t.path} (${fmt(sizes[t.name])} bytes): ${fmt(r.okPerSecond)} req/s, p99 ${fmt(r.p99Ms, 1)} ms${errors ? `, ${errors} errors ${JSON.stringify(r.statusCounts)}` : ""}`,
        );
        const note = errors ? `${errors} non-2xx/errors` : undefined;
        figures.push(
          figure({
            scenario: "pages",
            name: `${t.name} req/s`,
            unit: "req/s",
            better: "higher",
            value: r.okPerSecond,
            baseline: { label: "static file, same server", value: base.okPerSecond },
            goal: { text: ">= 0.5 x static", ratioAtLeast: 0.5 },
            note,
          }),
        );
        figures.push(
          figure({
            scenario: "pages",
            name: `${t.name} p99`,
            unit: "ms",
            better: "lower",
            value: r.p99Ms,
            baseline: { label: "static file p99", value: base.p99Ms },
          }),
        );
      }
      const memory = rss.stop();
      figures.push(
        figure({
          scenario: "memory",
          name: "web app peak RSS (scenario 4, pages)",
          unit: "MB",
          better: "lower",
          value: memory.peakMb,
          baseline: { label: "web app RSS idle after start", value: memory.idleMb },
        }),
        // What the load adds to a server whose routes are loaded: caches and heap growth, not code.
        figure({
          scenario: "memory",
          name: "web app peak RSS against warm idle (pages)",
          unit: "MB",
          better: "lower",
          value: memory.peakMb,
          baseline: { label: "web app RSS after one request to each page", value: memory.warmMb },
          note: "reference, no goal",
        }),
      );
      return { scenario: "pages", figures, details: { host, targets, responseBytes: sizes, connections, seconds, measured, webRss: memory } };
    } finally {
      rss.stop();
      await server.stop();
    }
  } finally {
    await p.close();
  }
}
