import { currentProfile } from "./profile";
import { formatSummaryTable, readFigures, resetFigures } from "./report/summary";

/** vitest globalSetup: clears the figures, and prints the summary table when every file has run. */
export default function setup() {
  resetFigures();
  return () => {
    const rows = readFigures();
    if (rows.length) console.log(`\n${formatSummaryTable(rows, currentProfile().name)}\n`);
  };
}
