// The Shoreline demo tenant's MLS feed: the local RESO server that npm start runs, added through
// the same code a brokerage uses in the studio, so its listings arrive by the real sync path.
import type { Db } from "@real-estate/db";
import { DEMO_FEED_DISCLAIMER, DEMO_FEED_NAME, DEMO_RESO_CLIENT } from "@real-estate/demo/reso-server";
import { createFeed, feedAllowedHosts, listFeeds, updateFeed, type FeedInput } from "@real-estate/feeds";

/** `allowedHosts`: the FEED_ALLOWED_HOSTS the worker runs with (the local RESO server's host:port). */
export async function ensureDemoFeed(options: { db: Db; resoUrl: string; allowedHosts: string | undefined; log: (line: string) => void }) {
  const destinations = { allowedHosts: feedAllowedHosts({ FEED_ALLOWED_HOSTS: options.allowedHosts }) };
  const tenant = await options.db.tenant.findUnique({ where: { slug: "shoreline" }, select: { id: true } });
  if (!tenant) return;
  const input: FeedInput = {
    name: DEMO_FEED_NAME,
    baseUrl: `${options.resoUrl}/odata`,
    authKind: "client_credentials",
    tokenUrl: `${options.resoUrl}/token`,
    clientId: DEMO_RESO_CLIENT.clientId,
    secret: DEMO_RESO_CLIENT.clientSecret,
    disclaimer: DEMO_FEED_DISCLAIMER,
    syncIntervalSeconds: 30,
    reconcileIntervalSeconds: 600,
  };
  const existing = (await listFeeds({ tenantId: tenant.id, db: options.db })).find((f) => f.name === DEMO_FEED_NAME);
  if (!existing) {
    await createFeed({ tenantId: tenant.id, input, db: options.db, destinations });
    options.log(`Shoreline demo feed added (local RESO server at ${options.resoUrl}); the worker syncs it within seconds`);
  } else if (existing.baseUrl !== input.baseUrl || !existing.resources.includes("OpenHouse")) {
    await updateFeed({ tenantId: tenant.id, feedId: existing.id, input, db: options.db, destinations });
    options.log(`Shoreline demo feed now points at ${options.resoUrl}`);
  }
}
