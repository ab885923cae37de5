import { defineConfig } from "vitest/config";

// The fast version of every reliability check (part of `npm test`). Files run one at a time:
// several start production servers or a PostgreSQL cluster and would fight over two cores.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 300_000,
    pool: "forks",
    fileParallelism: false,
  },
});
