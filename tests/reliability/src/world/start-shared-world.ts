// The global setup's half of the shared world (see shared-world.ts): runs in vitest's main process.
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import type { AppName } from "../inventory/route-inventory";
import { seedTenant, seedWorld } from "./seed-world";
import type { SharedWorld } from "./shared-world";
import { startApps, type AppServers } from "./start-apps";

/** Global setup: creates and seeds the shared database and starts one server per app (side by side). */
export async function startSharedWorld(apps: AppName[]): Promise<{ context: SharedWorld; stop: () => Promise<void> }> {
  const testDb: TestDatabase = await createTestDatabase("shared");
  let servers: AppServers | undefined;
  try {
    const world = await seedWorld(testDb.db);
    const fuzzTenants = { web: await seedTenant(testDb.db, "c"), crm: await seedTenant(testDb.db, "d") };
    // A second website server: the website's write routes get most of the hostile input, and one
    // Next.js process works on one core.
    const withSecondWeb = apps.includes("web") ? [...apps, "web" as const] : apps;
    servers = await startApps({ apps: withSecondWeb, databaseUrl: testDb.url, label: "shared", parallel: true });
    const webOrigins = servers.servers.filter((s) => s.app === "web").map((s) => s.origin);
    const origins = Object.fromEntries(servers.servers.map((s) => [s.app, s.origin])) as SharedWorld["origins"];
    if (webOrigins[0]) origins.web = webOrigins[0];
    const context: SharedWorld = { databaseUrl: testDb.url, apps, origins, webOrigins, world, fuzzTenants };
    const running = servers;
    return {
      context,
      stop: async () => {
        await running.stop();
        await testDb.drop();
      },
    };
  } catch (error) {
    await servers?.stop();
    await testDb.drop();
    throw error;
  }
}
