// One server for all end-to-end test files: a database with three tenants, a fake
// Walk Score / Google Places server, and the production server (real-estate-serve) on (a copy of) the production build.
import crypto from "node:crypto";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "@real-estate/db/testing";
import { startFakeProviderServer } from "./fake-provider-server";
import { httpRequest, startWebServer } from "./web-server";
import { createWebTenant, FAIRFIELD, HARBOR, SHORELINE, type WebTenant } from "./web-fixtures";

/** The server's port (E2E_WEB_PORT, so two checkouts on one machine can run the suite at once). */
export const E2E_PORT = Number(process.env.E2E_WEB_PORT) || 3150;
export const E2E_METRICS_PORT = Number(process.env.E2E_WEB_METRICS_PORT) || E2E_PORT + 1;
/**
 * The port of the stand-in MLS media host of listing-photos.test.ts: the one feed host on this
 * machine the server may fetch listing photos from (its FEED_ALLOWED_HOSTS), as `npm start`
 * allows its local RESO server.
 */
export const E2E_MEDIA_PORT = Number(process.env.E2E_WEB_MEDIA_PORT) || E2E_PORT + 2;

export type E2eProvided = {
  port: number;
  metricsPort: number;
  mediaPort: number;
  databaseUrl: string;
  fakeUrl: string;
  internalToken: string;
  ff: WebTenant;
  sl: WebTenant;
  hb: WebTenant;
};

declare module "vitest" {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    e2e: E2eProvided;
  }
}

export default async function setup(project: TestProject) {
  const db = await createTestDatabase("web_e2e");
  // This run's revalidation token, generated here (never a constant in the source).
  const internalToken = crypto.randomBytes(32).toString("base64url");
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
      metricsPort: E2E_METRICS_PORT,
      env: {
        DATABASE_URL: db.url,
        WEB_PUBLIC_PORT: String(E2E_PORT),
        WEB_FORM_MIN_FILL_MS: "300",
        WEB_RATE_LIMIT_PER_MINUTE: "1000",
        INTERNAL_API_TOKEN: internalToken,
        WALKSCORE_BASE_URL: fake.url,
        GOOGLE_PLACES_BASE_URL: fake.url,
        // The pages' provider calls go to the local stand-in; on a loaded machine its answers can
        // take longer than production's 2.5 s budget, and a module would then render without them.
        // No test here is about that budget (providers.test.ts is).
        PROVIDER_TIMEOUT_MS: "20000",
        WALKSCORE_API_KEY: "",
        GOOGLE_PLACES_API_KEY: "",
        FEED_ALLOWED_HOSTS: `127.0.0.1:${E2E_MEDIA_PORT}`,
      },
    });
    cleanup.unshift(() => server.stop());
    await warmUp(E2E_PORT, hb);
    project.provide("e2e", {
      port: E2E_PORT,
      metricsPort: E2E_METRICS_PORT,
      mediaPort: E2E_MEDIA_PORT,
      databaseUrl: db.url,
      fakeUrl: fake.url,
      internalToken,
      ff,
      sl,
      hb,
    });
  } catch (error) {
    for (const c of cleanup) await c().catch(() => {});
    throw error;
  }
  return async () => {
    for (const c of cleanup) await c().catch(() => {});
  };
}

/**
 * The first request to each page loads that page's server code; on a busy machine that alone can
 * take longer than a browser test waits for a navigation. One request per page kind (on Harbor,
 * whose pages no test counts provider calls for) before the tests start.
 */
async function warmUp(port: number, t: WebTenant): Promise<void> {
  const paths = ["/", "/homes", `/homes/${t.listingKeys[0]}`, "/towns/portland", "/contact", "/home-value", "/sign-up", "/sign-in", "/account", "/thank-you"];
  for (const p of paths) {
    const res = await httpRequest(port, t.host, p);
    if (res.status >= 500) throw new Error(`warming up ${t.host}${p} answered ${res.status}`);
  }
}
