import type { NextConfig } from "next";
import path from "node:path";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@real-estate/db", "@real-estate/types"],
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "pglite-prisma-adapter"],
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
