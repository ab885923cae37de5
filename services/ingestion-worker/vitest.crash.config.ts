import { defineConfig } from "vitest/config";

// npm run test:ingestion:integration: the worker process SIGKILLed while draining 10,000 events.
export default defineConfig({
  test: {
    include: ["test/**/*.integration.test.ts"],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
