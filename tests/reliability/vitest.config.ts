import { defineConfig } from "vitest/config";

// The fast version of every reliability check (part of `npm test`). Files run one at a time:
// several start production servers or a PostgreSQL cluster and would fight over two cores.
const full = process.env.RELIABILITY_PROFILE === "full";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["src/global-setup.ts"],
    testTimeout: full ? 3_600_000 : 240_000,
    hookTimeout: full ? 1_200_000 : 900_000,
    pool: "forks",
    fileParallelism: false,
  },
});
