import pg from "pg";
import { SITE_CHANGES_CHANNEL } from "@real-estate/sites";

export type SiteChangeListener = { close: () => Promise<void>; ready: Promise<void> };

/**
 * Listens on the site-changes channel and calls `onChange(tenantId)` for each announcement.
 * A lost connection is re-opened (every 1 s until it works); since announcements made while it
 * was down are lost, `onReconnect` runs first (the edge drops every cached page then).
 */
export function listenForSiteChanges(options: {
  databaseUrl: string;
  onChange: (tenantId: string) => void;
  onReconnect: () => void;
  log?: (line: string) => void;
}): SiteChangeListener {
  let closed = false;
  let client: pg.Client | undefined;
  let connectedOnce = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  async function connect(): Promise<void> {
    while (!closed) {
      const c = new pg.Client({ connectionString: options.databaseUrl, application_name: "edge-cache-purger" });
      try {
        await c.connect();
        c.on("notification", (msg) => {
          if (msg.channel === SITE_CHANGES_CHANNEL && msg.payload) options.onChange(msg.payload);
        });
        c.on("error", (error) => {
          options.log?.(`site-changes listener lost its connection: ${error.message}`);
        });
        c.on("end", () => {
          if (client === c) client = undefined;
          if (!closed) setTimeout(() => void connect(), 1_000);
        });
        await c.query(`LISTEN ${SITE_CHANGES_CHANNEL}`);
        client = c;
        if (connectedOnce) options.onReconnect();
        connectedOnce = true;
        markReady();
        return;
      } catch (error) {
        await c.end().catch(() => {});
        options.log?.(`site-changes listener cannot connect: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  }
  void connect();
  return {
    ready,
    close: async () => {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
