import path from "node:path";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./test/support/longest-first";

const alias = { "@": path.resolve(import.meta.dirname) };
const common = { testTimeout: 60_000, hookTimeout: 180_000, pool: "forks" as const, setupFiles: ["test/support/auth-provider-setup.ts"] };
/** The files on the suite's one shared production server (test/support/shared-crm-server.ts). */
const onSharedServer = ["test/browser.test.ts", "test/browser-contact-edits.test.ts", "test/page-my-day.test.ts"];

export default defineConfig({
  test: {
    // Two files at a time: most files wait on a server, a browser or PostgreSQL much of the time.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        resolve: { alias },
        test: { ...common, name: "crm", include: ["test/**/*.test.ts", "app/**/*.test.ts", "lib/**/*.test.ts"], exclude: onSharedServer },
      },
      {
        resolve: { alias },
        test: { ...common, name: "shared-server", include: onSharedServer, globalSetup: ["test/support/shared-crm-server.ts"] },
      },
    ],
  },
});
