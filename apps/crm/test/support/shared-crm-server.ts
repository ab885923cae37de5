// One production CRM server for the test files that need nothing of a server but that it runs
// the build as shipped (no environment, flags or clock of their own): a database of its own and
// `next start` on it, started once for them instead of once per file. Each file makes its own
// tenants (slugs and hosts no other file uses) in that database and reaches them only by their
// hosts, so the files stay apart as tenants do in production. The files are named in
// vitest.config.ts (the "shared-server" project); a file that needs its own server starts it.
import type { TestProject } from "vitest/node";
import { createTenantFixture, createTestDatabase } from "@real-estate/db/testing";
import { startCrmServer } from "./crm-server";

/** The server's port (CRM_TEST_SHARED_PORT, so two checkouts on one machine can run the suite at once). */
export const SHARED_CRM_PORT = Number(process.env.CRM_TEST_SHARED_PORT) || 24120;
/** A tenant of the setup's own, only for the readiness check (no test file uses it). */
const READY_HOST = "crm.shared-ready.localhost";

export type SharedCrm = { port: number; databaseUrl: string };

declare module "vitest" {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    sharedCrm: SharedCrm;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("crm_shared");
  let stopServer: (() => Promise<void>) | undefined;
  const teardown = async () => {
    await stopServer?.().catch(() => {});
    await database.drop().catch(() => {});
  };
  try {
    await createTenantFixture(database.db, { slug: "shared-ready", crmHosts: [READY_HOST], webHosts: ["shared-ready.localhost"] });
    const server = await startCrmServer({ port: SHARED_CRM_PORT, databaseUrl: database.url, readyHost: READY_HOST });
    stopServer = server.stop;
    project.provide("sharedCrm", { port: server.port, databaseUrl: database.url });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
