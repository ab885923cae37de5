import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files that start first, in this order, whatever the last run's durations were (vitest orders by
 * the previous run's when it has them, else by file size): the browser files and the ones that
 * start servers of their own take longest, and with two files at a time one of them left for
 * last would run alone while the other slot has nothing to do.
 */
const FIRST = [
  "browser.test.ts",
  "browser-routing-plans.test.ts",
  "browser-contact-edits.test.ts",
  "browser-profile.test.ts",
  "direct-lane-answers.test.ts",
  "api-key-front-door.test.ts",
  "clerk-next.test.ts",
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = FIRST.findIndex((name) => f.moduleId.endsWith(`/${name}`));
      return i === -1 ? FIRST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep vitest's own order.
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}
