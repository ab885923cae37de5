import type { NextConfig } from "next";
import path from "node:path";

// The bench builds this app with BENCH_ROUTES=1: into its own folder, with the benchmark-only
// route files (`*.bench.ts`) compiled in. Every other build leaves them out.
const benchBuild = process.env.BENCH_ROUTES === "1";

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
  // Pages of every tenant, town, listing and search share this in-memory cache (default 50 MB).
  cacheMaxMemorySize: 256 * 1024 * 1024,
  experimental: {
    // Pages generated at runtime (one per tenant, town, listing, search) stay in the in-memory
    // LRU cache (cacheMaxMemorySize above) instead of accumulating on disk.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
