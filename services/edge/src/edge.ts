import fs from "node:fs/promises";
import { startNginx, type Nginx } from "./nginx";
import type { EdgeConfig } from "./nginx-config";
import { purgeTenantPages } from "./purge";
import { listenForSiteChanges } from "./site-change-listener";

export type Edge = { nginx: Nginx; stop: () => Promise<void>; purges: () => number };

/** After a change, the tenant's pages are purged at once and once more after this long: a page rendered from the old data while the change was being saved (in flight at the first purge) is dropped by the second. */
export const SECOND_PURGE_MS = 1_500;

/**
 * The production profile's edge: nginx with the page cache in front of the website (and the CRM),
 * plus the purger, which listens for site changes in PostgreSQL and deletes the changed tenant's
 * cached pages.
 */
export async function startEdge(options: { config: EdgeConfig; databaseUrl: string; log?: (line: string) => void }): Promise<Edge> {
  const log = options.log ?? (() => {});
  const { cacheDir } = options.config;
  let purges = 0;
  const timers = new Set<NodeJS.Timeout>();
  const purge = (tenantId: string) =>
    purgeTenantPages({ cacheDir, tenantId })
      .then((n) => {
        purges += 1;
        if (n) log(`purged ${n} cached page(s) of tenant ${tenantId}`);
      })
      .catch((error: Error) => log(`purge of tenant ${tenantId} failed: ${error.message}`));
  const listener = listenForSiteChanges({
    databaseUrl: options.databaseUrl,
    log,
    onChange: (tenantId) => {
      void purge(tenantId);
      const timer = setTimeout(() => {
        timers.delete(timer);
        void purge(tenantId);
      }, SECOND_PURGE_MS);
      timers.add(timer);
    },
    // Changes announced while the listener was away are unknown: drop every cached page.
    onReconnect: () => {
      log("site-changes listener reconnected: dropping the whole page cache");
      void fs
        .readdir(cacheDir)
        .then((names) => Promise.all(names.map((n) => fs.rm(`${cacheDir}/${n}`, { recursive: true, force: true }))))
        .catch(() => {});
    },
  });
  await listener.ready;
  const nginx = await startNginx(options.config).catch(async (error: unknown) => {
    await listener.close();
    throw error;
  });
  return {
    nginx,
    purges: () => purges,
    stop: async () => {
      for (const t of timers) clearTimeout(t);
      await listener.close();
      await nginx.stop();
    },
  };
}
