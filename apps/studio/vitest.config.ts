import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration and browser tests against production builds (next start) of the studio and the
// web app, started once in global-setup.ts. Files run one after another: they share servers.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
  },
});
