import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import path from "node:path";

// The bench builds this app with BENCH_ROUTES=1: into its own folder, with the benchmark-only
// route files (`*.bench.ts`) compiled in. Every other build leaves them out.
const benchBuild = process.env.BENCH_ROUTES === "1";

/** Megabytes from the environment variable `name` (read when the server starts), `fallback` when unset. */
function megabytes(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  const mb = raw ? Number(raw) : fallback;
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`${name} must be a number of MB (0 or more), got "${raw}"`);
  return mb * 1024 * 1024;
}

/**
 * Most the in-memory page cache may hold. Every distinct URL (tenant, town, listing, search with
 * its query) is an entry.
 * - Alone (no REDIS_URL), it is the instance's page cache: WEB_PAGE_CACHE_MB, default 16. Pages are
 *   refreshed at most every 5 s: one served after that is rendered again in the background all
 *   the same, so the cache saves renders only for pages rendered in the last 5 s, about as many
 *   as one process renders in 5 s (100-200; 16 MB holds 110 or more by Next.js's measure, at most
 *   146 KB a page). An entry takes about 3x its measure in memory: 1,797 pages in 256 MB took the
 *   process from 321-356 to 988-1,186 MB (bench/RESULTS.md, the website alone; decision 0079).
 * - Beside the cache shared in Redis (cache-handler.mjs), it is only the instance's own copy, read
 *   while Redis is unreachable; every page is written to it all the same, so at the same size it
 *   grows as the shared cache does: WEB_PAGE_CACHE_LOCAL_MB, default 32 (bench/RESULTS.md, the
 *   edge scenario's memory with the shared cache).
 */
function pageCacheBytes(shared: boolean): number {
  return shared ? megabytes("WEB_PAGE_CACHE_LOCAL_MB", 32) : megabytes("WEB_PAGE_CACHE_MB", 16);
}

const nextConfig: NextConfig = {
  pageExtensions: benchBuild ? ["bench.ts", "tsx", "ts", "jsx", "js"] : ["tsx", "ts", "jsx", "js"],
  distDir: benchBuild ? ".next-bench" : ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // No page uses next/image: Next.js's image optimizer (/_next/image) answers 404 instead of
  // resizing the app's files for any client (the app server's front answers it 404 before Next.js).
  images: { unoptimized: true },
  // The app server swaps each page's render nonce for a fresh one in the body
  // (@real-estate/http swap-render-nonce.ts), which it cannot do in a compressed body: the
  // website's HTML leaves this server uncompressed; compression belongs to the HTTP cache in front.
  compress: false,
  transpilePackages: [
    "@real-estate/auth",
    "@real-estate/http",
    "@real-estate/mail",
    "@real-estate/db",
    "@real-estate/demo",
    "@real-estate/queue",
    "@real-estate/sites",
    "@real-estate/types",
  ],
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  outputFileTracingRoot: path.resolve(import.meta.dirname, "../.."),
  experimental: {
    // Pages generated at runtime (one per tenant, town, listing, search) stay in the in-memory
    // LRU cache (cacheMaxMemorySize, set in config() below) instead of accumulating on disk.
    isrFlushToDisk: false,
  },
};

/**
 * Next.js's cache (rendered pages, cached reads) in Redis, shared by every instance, when
 * REDIS_URL is set (the production profile sets it; decision 0047): apps/web/cache-handler.mjs.
 * Read when the server starts; a build never uses it.
 */
export default function config(phase: string): NextConfig {
  const shared = Boolean(process.env.REDIS_URL?.trim()) && phase !== PHASE_PRODUCTION_BUILD;
  // Pages of every tenant, town, listing and search share this in-memory LRU cache; with the
  // shared handler, Next.js hands the size to it (cache-handler.mjs) for the instance's own copy.
  const cacheMaxMemorySize = pageCacheBytes(shared);
  return shared
    ? { ...nextConfig, cacheMaxMemorySize, cacheHandler: path.resolve(import.meta.dirname, "cache-handler.mjs") }
    : { ...nextConfig, cacheMaxMemorySize };
}
