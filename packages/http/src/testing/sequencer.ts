import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * A vitest sequencer that starts the named files first, in the order given, whatever the last
 * run's durations were (vitest orders by the previous run's when it has them, else by file size):
 * with two files at a time, a long file left for last runs alone while the other slot idles.
 * The rest keep vitest's own order.
 */
export function firstFilesSequencer(first: readonly string[]): new (...args: ConstructorParameters<typeof BaseSequencer>) => BaseSequencer {
  return class FirstFilesSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const rank = (f: TestSpecification) => {
        const i = first.findIndex((name) => f.moduleId.endsWith(`/${name}`));
        return i === -1 ? first.length : i;
      };
      // Array.prototype.sort is stable.
      return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
    }
  };
}
