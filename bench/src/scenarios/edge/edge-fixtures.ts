// The edge scenario's fixtures: the web app's instances behind the shipped nginx edge (one or two,
// with or without a shared Next.js cache in Redis), the edge itself with a folder of static files,
// and a crawler of many distinct pages. The measurements are in index.ts.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { startEdge, type Edge } from "@real-estate/edge";
import { log } from "../../lib/context";
import type { LoadResult } from "../../lib/load";
import { startNextServer, type NextServer } from "../../lib/next-app";
import { BENCH_DIR } from "../../lib/paths";
import type { PlatformDb } from "../../lib/platform-db";
import { RssSampler } from "../../lib/processes";
import { PORTS } from "../../lib/sizes";

export /** The second instance's in-memory page cache (WEB_PAGE_CACHE_MB, apps/web/next.config.ts): the default before decision 0079. */
const OTHER_PAGE_CACHE_MB = "256";

export type Instance = { server: NextServer; rss: RssSampler; pageCacheMb: string };

export async function startInstance(
  port: number,
  databaseUrl: string,
  host: string,
  pageCacheMb?: string,
  extraEnv: Record<string, string> = {},
): Promise<Instance> {
  const server = await startNextServer({
    app: "web",
    port,
    databaseUrl,
    // As the production profile runs them: behind the edge, naming each page's tenant for its purger.
    env: { DB_POOL_SIZE: "10", EDGE_CACHE_TAGS: "1", TRUST_PROXY: "loopback", ...(pageCacheMb ? { WEB_PAGE_CACHE_MB: pageCacheMb } : {}), ...extraEnv },
    probeHost: host,
    probePath: "/",
  });
  const rss = new RssSampler(server.pid).start();
  return { server, rss, pageCacheMb: pageCacheMb ?? "shipped default" };
}

/** Every listing page of every tenant and `searches` distinct searches of the first tenant: each a distinct page for the app to render and cache. */
export async function crawlTargets(p: PlatformDb, searches: number): Promise<{ host: string; path: string }[]> {
  const rows = await p.pool.query<{ host: string; key: string; town: string | null }>(
    `SELECT d.hostname AS host, l."ListingKey" AS key,
            (SELECT slug FROM "Town" t WHERE t."tenantId" = d."tenantId" ORDER BY "sortOrder", slug LIMIT 1) AS town
       FROM "Listing" l JOIN "TenantDomain" d ON d."tenantId" = l."tenantId" AND d.kind = 'WEB' AND d."isPrimary"
      WHERE l."StandardStatus" = 'Active' ORDER BY d.hostname, l."ListingKey"`,
  );
  const out = rows.rows.map((r) => ({ host: r.host, path: `/homes/${r.key}` }));
  const first = rows.rows[0];
  for (let k = 0; first?.town && k < searches; k++)
    out.push({ host: first.host, path: `/homes?town=${first.town}&minPrice=${100_000 + k * 1_000}&beds=${1 + (k % 4)}` });
  return out;
}

/** What a crawl saw: how many answered 200, the others' statuses, and the app's `x-nextjs-cache` answers (HIT, STALE: served from its page cache; MISS: rendered). */
export type Crawled = { ok: number; other: Record<string, number>; seconds: number; cache: Record<string, number> };

/** Pages served from the app's own page cache (`x-nextjs-cache` HIT or STALE). */
export const servedFromCache = (c: Crawled) => (c.cache.HIT ?? 0) + (c.cache.STALE ?? 0);

/**
 * One pass over `targets` from `concurrency` loops (keep-alive), through the edge unless `port`
 * names another listener (an app instance itself).
 */
export async function crawl(targets: { host: string; path: string }[], concurrency: number, port: number = PORTS.edge): Promise<Crawled> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const other: Record<string, number> = {};
  const cache: Record<string, number> = {};
  let ok = 0;
  let next = 0;
  const started = performance.now();
  const get = (t: { host: string; path: string }) =>
    new Promise<number>((resolve) => {
      const req = http.get({ host: "127.0.0.1", port, path: t.path, headers: { host: t.host }, agent, timeout: 30_000 }, (res) => {
        const answer = String(res.headers["x-nextjs-cache"] ?? "none");
        cache[answer] = (cache[answer] ?? 0) + 1;
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("timeout", () => req.destroy());
      req.on("error", () => resolve(0));
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < targets.length; i = next++) {
        const status = await get(targets[i]!);
        if (status === 200) ok++;
        else other[String(status)] = (other[String(status)] ?? 0) + 1;
      }
    }),
  );
  agent.destroy();
  return { ok, other, cache, seconds: (performance.now() - started) / 1000 };
}

/** One instance's RSS under a phase: idle after start, peak, and its page cache setting. */
export type InstanceMemory = { peakMb: number; idleMb: number | null; warmMb: number | null; pageCacheMb: string };

/**
 * Restarts both instances with REDIS_URL (Next.js's cache shared through Redis under a key prefix
 * of this run's own, removed after), as the production profile runs them, and runs `measure` and
 * then a crawl of `pages` through the edge in front of them, sampling each instance's RSS from its
 * start. Instance 2 keeps a `localPageCacheMb` own copy beside Redis (WEB_PAGE_CACHE_LOCAL_MB),
 * instance 1 the shipped default.
 * Null, said in the log, when no Redis answers.
 */
export async function measureSharedCache(options: {
  databaseUrl: string;
  host: string;
  instances: Instance[];
  measure: () => Promise<LoadResult>;
  pages: { host: string; path: string }[];
  localPageCacheMb: string;
}): Promise<{ load: LoadResult; crawl: Crawled; memory: InstanceMemory[] } | null> {
  const { databaseUrl, host, instances } = options;
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1_000, retryStrategy: () => null });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch {
    log(`no Redis at ${redisUrl}: the shared Next.js cache figure is left out`);
    client.disconnect();
    return null;
  }
  const keyPrefix = `bench:edge:${process.pid}:${Date.now()}:`;
  for (const i of instances) await i.server.stop();
  instances.length = 0;
  // One render nonce for both, as the production profile gives them (decision 0047).
  const env = { REDIS_URL: redisUrl, NEXT_CACHE_KEY_PREFIX: keyPrefix, REAL_ESTATE_RENDER_NONCE: crypto.randomBytes(16).toString("hex") };
  instances.push(await startInstance(PORTS.web, databaseUrl, host, undefined, env));
  const second = await startInstance(PORTS.web2, databaseUrl, host, undefined, { ...env, WEB_PAGE_CACHE_LOCAL_MB: options.localPageCacheMb });
  instances.push({ ...second, pageCacheMb: options.localPageCacheMb });
  for (const i of instances) i.rss.markIdle();
  try {
    return await withEdge(databaseUrl, [PORTS.web, PORTS.web2], async () => {
      const load = await options.measure();
      const crawled = await crawl(options.pages, 16);
      const memory = instances.map((i) => ({ ...i.rss.stop(), pageCacheMb: i.pageCacheMb }));
      return { load, crawl: crawled, memory };
    });
  } finally {
    for (let cursor = "0"; ;) {
      const [next, keys] = await client.scan(cursor, "MATCH", `${keyPrefix}*`, "COUNT", 1_000);
      if (keys.length) await client.unlink(...keys);
      if ((cursor = next) === "0") break;
    }
    client.disconnect();
  }
}

export async function withEdge<T>(databaseUrl: string, upstreams: number[], run: (edge: Edge, staticDir: string) => Promise<T>): Promise<T> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "re-bench-edge-"));
  const staticDir = path.join(prefix, "static");
  fs.mkdirSync(staticDir, { recursive: true });
  fs.copyFileSync(path.join(BENCH_DIR, "static", "bench.html"), path.join(staticDir, "bench.html"));
  fs.chmodSync(prefix, 0o755);
  const edge = await startEdge({
    databaseUrl,
    config: { prefix, cacheDir: path.join(prefix, "cache"), webPort: PORTS.edge, webUpstreams: upstreams, staticDir },
  });
  try {
    return await run(edge, staticDir);
  } finally {
    await edge.stop();
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}
