import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import path from "node:path";

// The bench builds this app with BENCH_ROUTES=1: into its own folder, with the benchmark-only
// route files (`*.bench.ts`) compiled in. Every other build leaves them out.
const benchBuild = process.env.BENCH_ROUTES === "1";

/**
 * Most the in-memory page cache may hold, in MB (WEB_PAGE_CACHE_MB, read when the server starts;
 * default 256). Every distinct URL (tenant, town, listing, search with its query) is an entry.
 * The bench's edge scenario runs one instance with 64 MB beside one with the default: under its
 * load the peak memory came from concurrent renders, not from this cache (bench/RESULTS.md).
 */
function pageCacheBytes(): number {
  const raw = process.env.WEB_PAGE_CACHE_MB?.trim();
  const mb = raw ? Number(raw) : 256;
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`WEB_PAGE_CACHE_MB must be a number of MB (0 or more), got "${raw}"`);
  return mb * 1024 * 1024;
}

const nextConfig: NextConfig = {
  pageExtensions: benchBuild ? ["bench.ts", "tsx", "ts", "jsx", "js"] : ["tsx", "ts", "jsx", "js"],
  distDir: benchBuild ? ".next-bench" : ".next",
  reactStrictMode: true,
  poweredByHeader: false,
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
  // Pages of every tenant, town, listing and search share this in-memory LRU cache (with the
  // shared handler, its per-instance fallback copy takes the same size).
  cacheMaxMemorySize: pageCacheBytes(),
  experimental: {
    // Pages generated at runtime (one per tenant, town, listing, search) stay in the in-memory
    // LRU cache (cacheMaxMemorySize above) instead of accumulating on disk.
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
  return shared ? { ...nextConfig, cacheHandler: path.resolve(import.meta.dirname, "cache-handler.mjs") } : nextConfig;
}
