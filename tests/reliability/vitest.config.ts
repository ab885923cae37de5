import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./src/sequencer";

// The fast version of every reliability check (part of `npm test`). Two files at a time: the
// longest ones are the hostile input (busy servers) and the worker fault drain (mostly waiting
// out the queue's retry delays), which then overlap; more would only fight over two cores.
const full = process.env.RELIABILITY_PROFILE === "full";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["src/global-setup.ts"],
    testTimeout: full ? 3_600_000 : 240_000,
    hookTimeout: full ? 1_200_000 : 900_000,
    pool: "forks",
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
  },
});
