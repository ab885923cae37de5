import { defineConfig } from "vitest/config";
import { firstFilesSequencer } from "@real-estate/http/testing/sequencer";

// The fast version of every reliability check (part of `npm test`). Two files at a time: the
// longest ones are the hostile input (busy servers) and the worker fault drain (mostly waiting
// out the queue's retry delays), which then overlap; more would only fight over two cores.
const full = process.env.RELIABILITY_PROFILE === "full";
/** Started first, in this order, whatever the last run's durations were (a fast run says little about a full one). */
const LONGEST_FIRST = ["hostile-input.test.ts", "faults-worker.test.ts", "isolation-matrix.test.ts"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["src/global-setup.ts"],
    testTimeout: full ? 3_600_000 : 240_000,
    hookTimeout: full ? 1_200_000 : 900_000,
    pool: "forks",
    maxWorkers: 2,
    sequence: { sequencer: firstFilesSequencer(LONGEST_FIRST) },
  },
});
