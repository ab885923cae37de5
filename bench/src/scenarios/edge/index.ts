// The production profile's edge (services/edge, decision 0019) under load: pages through the
// shipped nginx page cache against a static file from the same nginx, the website's throughput
// with one and with two instances behind it, and each instance's memory under load.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDemoData } from "@real-estate/demo";
import { nginxAvailable } from "@real-estate/edge";
import { fmt, log, SkipError, type BenchContext } from "../../lib/context";
import { figure, type Figure, type ScenarioResult } from "../../lib/figures";
import { httpRequest } from "../../lib/http";
import { runLoad, warmUp, type LoadResult } from "../../lib/load";
import { ensureBuilt } from "../../lib/next-app";
import { openPlatformDb } from "../../lib/platform-db";
import { PORTS } from "../../lib/sizes";
import { pickTargets } from "../pages";
import { crawl, crawlTargets, measureSharedCache, OTHER_PAGE_CACHE_MB, startInstance, withEdge, type Crawled, type Instance } from "./edge-fixtures";

const STATIC_PATH = "/edge-static/bench.html";
/** A visitor's signed-in hint: nginx neither reads nor stores such a request in its cache, so the app instances serve it. */
const BYPASS_HEADERS = { cookie: "visitor_signed_in=1" };

/** The file under /edge-static/ that holds a page's bytes as the cache serves them. */
const sameBytesFile = (pageName: string) => `same-bytes-${pageName.replace(/[^a-z0-9]+/gi, "-")}.html`;

export async function runEdgeScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  if (!nginxAvailable()) throw new SkipError("nginx is not installed (Debian: apt-get install -y nginx)");
  ensureBuilt("web", { rebuild: ctx.args.rebuild });
  const p = await openPlatformDb("edge");
  const instances: Instance[] = [];
  try {
    await seedDemoData({ db: p.db, log: () => undefined });
    const { host, targets } = await pickTargets(p);
    // The first instance runs the shipped configuration; the second the in-memory page cache's
    // size before decision 0079 (256 MB), so the memory figures show both under the same load.
    instances.push(await startInstance(PORTS.web, p.url, host));
    instances.push(await startInstance(PORTS.web2, p.url, host, OTHER_PAGE_CACHE_MB));
    for (const i of instances) i.rss.markIdle();
    const connections = ctx.sizes.httpConnections;
    const seconds = ctx.sizes.pageLoadSeconds;
    const load = async (pathName: string, headers?: Record<string, string>): Promise<LoadResult> => {
      await warmUp({ port: PORTS.edge, host, path: pathName, headers });
      return runLoad({ port: PORTS.edge, host, path: pathName, connections, seconds, headers });
    };
    const figures: Figure[] = [];
    const measured: Record<string, LoadResult> = {};
    const sizes: Record<string, number> = {};
    const cacheStatus: Record<string, string> = {};
    const errorsOf = (r: LoadResult) => r.non2xx + r.errors + r.timeouts;

    // 1. The cache: pages from nginx's cache against static files from the same nginx. The goal's
    // baseline for each page is a file of that page's own bytes, so the ratio measures what the
    // cache costs over serving the same body from disk; the small fixed file is reported beside
    // it (a 50-70 KB page against a 2 KB file measures the bytes as much as the cache).
    await withEdge(p.url, [PORTS.web], async (_edge, staticDir) => {
      const pageBytes: Record<string, string> = {};
      const answer = await httpRequest({ port: PORTS.edge, host, path: STATIC_PATH });
      if (answer.status !== 200) throw new Error(`${STATIC_PATH} answered ${answer.status} through the edge`);
      sizes["static file"] = answer.body.length;
      for (const t of targets) {
        await httpRequest({ port: PORTS.edge, host, path: t.path });
        const again = await httpRequest({ port: PORTS.edge, host, path: t.path });
        if (again.status !== 200) throw new Error(`${t.path} answered ${again.status} through the edge`);
        sizes[t.name] = again.body.length;
        cacheStatus[t.name] = String(again.headers["x-cache-status"] ?? "none");
        fs.writeFileSync(path.join(staticDir, sameBytesFile(t.name)), again.body);
        pageBytes[t.name] = again.body;
      }
      log(`second request through the edge: ${targets.map((t) => `${t.name} ${cacheStatus[t.name]}`).join(", ")}`);
      const base = await load(STATIC_PATH);
      measured["static file"] = base;
      log(`static file from nginx (${fmt(sizes["static file"])} bytes): ${fmt(base.okPerSecond)} req/s, p99 ${fmt(base.p99Ms, 1)} ms`);
      for (const t of targets) {
        const file = `/edge-static/${sameBytesFile(t.name)}`;
        const same = await httpRequest({ port: PORTS.edge, host, path: file });
        // Against the page as the edge served it above: by now its entry has expired (s-maxage 5 s),
        // and the request that finds it expired gets a fresh render (decision 0106), whose nonce differs.
        if (same.status !== 200 || same.body !== pageBytes[t.name]) {
          throw new Error(`${file} is not the same bytes as ${t.path} through the edge (status ${same.status})`);
        }
        const sameBase = await load(file);
        measured[`${t.name}, same bytes as a file`] = sameBase;
        log(`${t.name}'s bytes as a static file: ${fmt(sameBase.okPerSecond)} req/s, p99 ${fmt(sameBase.p99Ms, 1)} ms`);
        const r = await load(t.path);
        measured[t.name] = r;
        const after = await httpRequest({ port: PORTS.edge, host, path: t.path });
        const errors = errorsOf(r);
        log(
          `${t.name} through the cache (${fmt(sizes[t.name])} bytes): ${fmt(r.okPerSecond)} req/s, p99 ${fmt(r.p99Ms, 1)} ms, then ${String(after.headers["x-cache-status"])}${errors ? `, ${errors} errors ${JSON.stringify(r.statusCounts)}` : ""}`,
        );
        figures.push(
          figure({
            scenario: "edge",
            name: `${t.name} through the nginx cache req/s`,
            unit: "req/s",
            better: "higher",
            value: r.okPerSecond,
            baseline: { label: "the page's bytes as a static file, same nginx", value: sameBase.okPerSecond },
            goal: { text: ">= 0.8 x static", ratioAtLeast: 0.8 },
            note: `${fmt(sizes[t.name])} bytes both${errors ? `; ${errors} non-2xx/errors` : ""}`,
          }),
          figure({
            scenario: "edge",
            name: `${t.name} through the nginx cache req/s, against the small static file`,
            unit: "req/s",
            better: "higher",
            value: r.okPerSecond,
            baseline: { label: "static file, same nginx", value: base.okPerSecond },
            note: `${fmt(sizes[t.name])} bytes vs ${fmt(sizes["static file"])}`,
          }),
        );
      }
      // 2a. One instance serving what the cache may not answer (a signed-in visitor's pages).
      measured["one instance"] = await load(targets[0]!.path, BYPASS_HEADERS);
    });
    // 2b. The same with both instances behind nginx.
    let crawled: Crawled | null = null;
    const pages = await crawlTargets(p, ctx.args.quick ? 300 : 1_500);
    await withEdge(p.url, [PORTS.web, PORTS.web2], async () => {
      measured["two instances"] = await load(targets[0]!.path, BYPASS_HEADERS);
      // 2c. A crawl: every listing and many distinct searches, each a page the instances render and keep in memory.
      crawled = await crawl(pages, 16);
      log(
        `crawl of ${fmt(pages.length)} distinct pages through the edge (both instances): ${fmt(crawled.ok)} answered 200 in ${fmt(crawled.seconds, 1)} s, x-nextjs-cache ${JSON.stringify(crawled.cache)}${Object.keys(crawled.other).length ? `, others ${JSON.stringify(crawled.other)}` : ""}`,
      );
    });
    const one = measured["one instance"]!;
    const two = measured["two instances"]!;
    log(
      `${targets[0]!.name}, cache bypassed (signed-in visitor): one instance ${fmt(one.okPerSecond)} req/s (p99 ${fmt(one.p99Ms, 1)} ms), two instances ${fmt(two.okPerSecond)} req/s (p99 ${fmt(two.p99Ms, 1)} ms)`,
    );
    for (const [label, r] of [
      ["one", one],
      ["two", two],
    ] as const) {
      if (errorsOf(r)) log(`  ${label}: ${errorsOf(r)} errors ${JSON.stringify(r.statusCounts)}`);
    }
    figures.push(
      figure({
        scenario: "edge",
        name: `${targets[0]!.name} served by the app (cache bypassed), two instances req/s`,
        unit: "req/s",
        better: "higher",
        value: two.okPerSecond,
        baseline: { label: "one instance, same nginx", value: one.okPerSecond },
        note: `${os.cpus().length} CPUs shared by nginx, both instances, PostgreSQL and the load generator`,
      }),
    );
    // 3. Memory: each instance's peak under all of the above against its idle size after start.
    const memory = instances.map((i) => ({ ...i.rss.stop(), pageCacheMb: i.pageCacheMb }));
    memory.forEach((m, k) =>
      figures.push(
        figure({
          scenario: "memory",
          name: `web instance ${k + 1} peak RSS (edge scenario, page cache ${m.pageCacheMb}${m.pageCacheMb.startsWith("shipped") ? "" : " MB"})`,
          unit: "MB",
          better: "lower",
          value: m.peakMb,
          baseline: { label: "same instance idle after start", value: m.idleMb },
          goal: { text: "<= 1.5 x idle", ratioAtMost: 1.5 },
        }),
      ),
    );
    log(`web instances' RSS, idle -> peak: ${memory.map((m) => `${fmt(m.idleMb ?? 0)} -> ${fmt(m.peakMb)} MB`).join(", ")}`);
    // 4. The same two-instance load with Next.js's cache shared in Redis (apps/web/cache-handler.mjs,
    // as the production profile runs them) against 2b's per-instance cache, same run; then the same
    // crawl, and each instance's memory from its start under both.
    const shared = await measureSharedCache({
      databaseUrl: p.url,
      host,
      instances,
      measure: () => load(targets[0]!.path, BYPASS_HEADERS),
      pages,
      // The second instance's own copy at the size it had before decision 0076 (it took the
      // in-memory cache's 256 MB), so that both sizes are measured under the same load.
      localPageCacheMb: "256",
    });
    if (shared) {
      measured["two instances, shared Next.js cache"] = shared.load;
      log(
        `${targets[0]!.name}, cache bypassed, two instances with Next.js's cache in Redis: ${fmt(shared.load.okPerSecond)} req/s (p99 ${fmt(shared.load.p99Ms, 1)} ms)${errorsOf(shared.load) ? `, ${errorsOf(shared.load)} errors ${JSON.stringify(shared.load.statusCounts)}` : ""}`,
      );
      log(
        `crawl with Next.js's cache in Redis: ${fmt(shared.crawl.ok)} answered 200 in ${fmt(shared.crawl.seconds, 1)} s, x-nextjs-cache ${JSON.stringify(shared.crawl.cache)}; RSS idle -> peak: ${shared.memory.map((m) => `${fmt(m.idleMb ?? 0)} -> ${fmt(m.peakMb)} MB`).join(", ")}`,
      );
      figures.push(
        figure({
          scenario: "edge",
          name: `${targets[0]!.name} served by the app (cache bypassed), two instances, Next.js cache shared in Redis req/s`,
          unit: "req/s",
          better: "higher",
          value: shared.load.okPerSecond,
          baseline: { label: "two instances, each its own in-memory Next.js cache", value: two.okPerSecond },
          note: `every cached read is a Redis round trip; ${os.cpus().length} CPUs shared by nginx, both instances, Redis, PostgreSQL and the load generator`,
        }),
        ...shared.memory.map((m, k) =>
          figure({
            scenario: "memory",
            name: `web instance ${k + 1} peak RSS (edge scenario, Next.js cache shared in Redis, local copy ${m.pageCacheMb}${m.pageCacheMb.startsWith("shipped") ? "" : " MB"})`,
            unit: "MB",
            better: "lower",
            value: m.peakMb,
            baseline: { label: "same instance idle after start", value: m.idleMb },
            goal: { text: "<= 1.5 x idle", ratioAtMost: 1.5 },
          }),
        ),
      );
    }
    return {
      scenario: "edge",
      figures,
      details: {
        host,
        targets,
        responseBytes: sizes,
        cacheStatus,
        connections,
        seconds,
        measured,
        crawl: crawled,
        webRss: memory,
        sharedCache: shared ? { crawl: shared.crawl, webRss: shared.memory } : null,
      },
    };
  } finally {
    for (const i of instances) {
      i.rss.stop();
      await i.server.stop();
    }
    await p.close();
  }
}
