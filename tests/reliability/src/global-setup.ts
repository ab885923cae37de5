import { currentProfile } from "./profile";
import { formatSummaryTable, readFigures, resetFigures } from "./report/summary";
import { buildAppsOnce } from "./servers/next-server";
import { presentApps } from "./world/start-apps";

/**
 * vitest globalSetup: clears the figures and builds the apps under test once (one turbo run for
 * all of them, before any file starts a server); prints the summary table when every file has run.
 */
export default async function setup() {
  resetFigures();
  await buildAppsOnce(presentApps());
  return () => {
    const rows = readFigures();
    if (rows.length) console.log(`\n${formatSummaryTable(rows, currentProfile().name)}\n`);
  };
}
