import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files that start first, in this order, whatever the last run's durations were (vitest orders
 * by the previous run's, and a fast run says little about a full one): the hostile input runs
 * longest, and the worker fault drain mostly waits, so with two files at a time they overlap
 * and the others follow on the second slot.
 */
const FIRST = ["hostile-input.test.ts", "faults-worker.test.ts", "isolation-matrix.test.ts"];

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
