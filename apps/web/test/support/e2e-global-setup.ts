// One server for all end-to-end test files: a database with three tenants, a fake
// Walk Score / Google Places server, and `next start` on (a copy of) the production build.
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "@real-estate/db/testing";
import { startFakeProviderServer } from "./fake-provider-server";
import { startWebServer } from "./web-server";
import { createWebTenant, FAIRFIELD, HARBOR, SHORELINE, type TWebTenant } from "./web-fixtures";

export const E2E_PORT = 3150;
export const INTERNAL_TOKEN = "e2e-internal-token";

export type E2eProvided = { port: number; databaseUrl: string; fakeUrl: string; ff: TWebTenant; sl: TWebTenant; hb: TWebTenant };

declare module "vitest" {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    e2e: E2eProvided;
  }
}

export default async function setup(project: TestProject) {
  const db = await createTestDatabase("web_e2e");
  const fake = await startFakeProviderServer();
  const cleanup: (() => Promise<unknown>)[] = [() => db.drop(), () => fake.close()];
  try {
    const ff = await createWebTenant(db.db, FAIRFIELD, { listingsPerTown: 8, extraHosts: ["www.fairfield.localhost"] });
    const sl = await createWebTenant(db.db, SHORELINE, { listingsPerTown: 8 });
    const hb = await createWebTenant(db.db, HARBOR, { listingsPerTown: 4 });
    // Fairfield has provider keys (answered by the fake server); the others have none.
    await db.db.websiteConfig.update({ where: { tenantId: ff.tenantId }, data: { walkScoreApiKey: "ws-key", googlePlacesApiKey: "gp-key" } });
    const server = await startWebServer({
      port: E2E_PORT,
      env: {
        DATABASE_URL: db.url,
        WEB_PUBLIC_PORT: String(E2E_PORT),
        WEB_FORM_MIN_FILL_MS: "300",
        WEB_RATE_LIMIT_PER_MINUTE: "1000",
        INTERNAL_API_TOKEN: INTERNAL_TOKEN,
        WALKSCORE_BASE_URL: fake.url,
        GOOGLE_PLACES_BASE_URL: fake.url,
        WALKSCORE_API_KEY: "",
        GOOGLE_PLACES_API_KEY: "",
      },
    });
    cleanup.unshift(() => server.stop());
    project.provide("e2e", { port: E2E_PORT, databaseUrl: db.url, fakeUrl: fake.url, ff, sl, hb });
  } catch (error) {
    for (const c of cleanup) await c().catch(() => {});
    throw error;
  }
  return async () => {
    for (const c of cleanup) await c().catch(() => {});
  };
}
