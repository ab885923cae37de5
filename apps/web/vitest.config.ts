import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  test: {
    // The browser tests wait on the server most of the time: let other files run meanwhile.
    maxWorkers: 3,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["test/*.test.ts"], testTimeout: 60_000, hookTimeout: 180_000, pool: "forks" },
      },
      {
        // Against the production build served by `next start` (see test/support/e2e-global-setup.ts).
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["test/e2e/*.test.ts"],
          globalSetup: ["test/support/e2e-global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          pool: "forks",
        },
      },
    ],
  },
});
