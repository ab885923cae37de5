import type { NextConfig } from "next";
import path from "node:path";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@real-estate/db", "@real-estate/types"],
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "pglite-prisma-adapter"],
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  outputFileTracingRoot: path.resolve(import.meta.dirname, "../.."),
  experimental: {
    // Pages generated at runtime (one per tenant, town, listing, search) stay in the in-memory
    // LRU cache (cacheMaxMemorySize, 50 MB) instead of accumulating on disk.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
