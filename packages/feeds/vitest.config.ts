import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // A fixed key for test databases only (32 bytes of 0x07); never used outside tests.
    env: { FEED_CREDENTIALS_KEY: Buffer.alloc(32, 7).toString("base64"), FEED_LEASE_MS: "1500" },
  },
});
