import { defineConfig } from "vitest/config";

// The crash test (test/*.integration.test.ts) runs on its own: npm run test:integration.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.integration.test.ts", "**/node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
