import type { TestProject } from "vitest/node";
import { currentProfile } from "./profile";
import { formatSummaryTable, readFigures, resetFigures } from "./report/summary";
import { prepareBuilds } from "./servers/next-server";
import { startSharedWorld } from "./world/start-shared-world";
import { suiteAuthProvider, suiteAuthSecret } from "./world/member-sessions";
import { presentApps, suiteInternalToken } from "./world/start-apps";

/**
 * vitest globalSetup: clears the figures, builds the apps under test once (one turbo run for all
 * of them) and copies the builds for this run, then starts the shared world (one seeded
 * database, one server per app) that several files use; prints the summary table when every
 * file has run.
 */
export default async function setup(project: TestProject) {
  resetFigures();
  // This run's secrets, in the environment every test worker (and every server) inherits.
  suiteAuthSecret();
  suiteInternalToken();
  // Clerk (RELIABILITY_AUTH_PROVIDER=clerk): the servers and the workers get this run's JWT key.
  suiteAuthProvider();
  const apps = presentApps();
  await prepareBuilds(apps);
  const shared = await startSharedWorld(apps);
  project.provide("sharedWorld", shared.context);
  return async () => {
    await shared.stop();
    const rows = readFigures();
    if (rows.length) console.log(`\n${formatSummaryTable(rows, currentProfile().name)}\n`);
  };
}
