import path from "node:path";
import { defineConfig } from "vitest/config";
import { firstFilesSequencer } from "@real-estate/http/testing/sequencer";

const alias = { "@": path.resolve(import.meta.dirname) };
const common = { testTimeout: 60_000, hookTimeout: 180_000, pool: "forks" as const, setupFiles: ["test/support/auth-provider-setup.ts"] };
/** The files on the suite's one shared production server (test/support/shared-crm-server.ts). */
const onSharedServer = ["test/browser.test.ts", "test/browser-contact-edits.test.ts", "test/page-my-day.test.ts"];
/**
 * Started first, in this order, whatever the last run's durations were: the browser files and the
 * ones that start servers of their own take longest, and with two files at a time one of them left
 * for last would run alone while the other slot has nothing to do.
 */
const LONGEST_FIRST = [
  "browser.test.ts",
  "browser-routing-plans.test.ts",
  "browser-contact-edits.test.ts",
  "browser-profile.test.ts",
  "direct-lane-answers.test.ts",
  "api-key-front-door.test.ts",
  "clerk-next.test.ts",
];

export default defineConfig({
  test: {
    // Two files at a time: most files wait on a server, a browser or PostgreSQL much of the time.
    maxWorkers: 2,
    sequence: { sequencer: firstFilesSequencer(LONGEST_FIRST) },
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
