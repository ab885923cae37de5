import type { NextConfig } from "next";
import path from "node:path";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // No page uses next/image: Next.js's image optimizer (/_next/image) answers 404 instead of
  // resizing the app's files for any client (the app server's front answers it 404 before Next.js).
  images: { unoptimized: true },
  transpilePackages: [
    "@real-estate/auth",
    "@real-estate/http",
    "@real-estate/crm",
    "@real-estate/db",
    "@real-estate/queue",
    "@real-estate/sites",
    "@real-estate/types",
  ],
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  outputFileTracingRoot: path.resolve(import.meta.dirname, "../.."),
};

export default nextConfig;
