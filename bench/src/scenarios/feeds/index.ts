// Initial load of an MLS feed: the whole replication path (HTTP pages from the local RESO server,
// on a thread of its own as an MLS is on a machine of its own, with $expand=Media, Data Dictionary mapping, set-based upserts with history, one transaction
// per page with its cursor) against a bare bulk insert of the same rows into a copy of the
// Listing table (same columns and indexes; no HTTP, no upsert, no history), in the same run.
import crypto from "node:crypto";
import { SHORELINE_TENANT } from "@real-estate/demo";
import { ResoStore } from "@real-estate/demo/reso-server";
import { createFeed, mapProperty, syncFeed, type MappedListing } from "@real-estate/feeds";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type ScenarioResult } from "../../lib/figures";
import { createBenchTenants, openPlatformDb, type PlatformDb } from "../../lib/platform-db";
import { startResoThread } from "./reso-thread";

const PAGE = 1_000;
/**
 * The server's limits as an MLS sets them: pages of whole records up to PAGE, keys-only pages (the
 * reconciliation's) up to KEY_PAGE, a larger $top refused with 400.
 */
const KEY_PAGE = 10_000;
const TOKEN = crypto.randomBytes(24).toString("base64url");

/** The baseline: the mapped rows inserted in pages of PAGE, one bare INSERT per page. */
async function bareInsert(p: PlatformDb, tenantId: string, feedId: string, rows: MappedListing[]): Promise<number> {
  await p.pool.query(`DROP TABLE IF EXISTS "ListingBare"; CREATE TABLE "ListingBare" (LIKE "Listing" INCLUDING ALL)`);
  const createdAt = new Date().toISOString();
  const started = performance.now();
  for (let i = 0; i < rows.length; i += PAGE) {
    const page = rows.slice(i, i + PAGE).map((r) => ({ ...r, tenantId, id: crypto.randomUUID(), feedId, isSample: false, createdAt }));
    await p.pool.query(`INSERT INTO "ListingBare" SELECT * FROM jsonb_populate_recordset(NULL::"ListingBare", $1::jsonb)`, [JSON.stringify(page)]);
  }
  return (performance.now() - started) / 1000;
}

export async function runFeedsScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  const n = ctx.sizes.feedListings;
  if (!process.env.FEED_CREDENTIALS_KEY) process.env.FEED_CREDENTIALS_KEY = crypto.randomBytes(32).toString("base64");
  const p = await openPlatformDb("feeds", { poolSize: 4 });
  // The generated listings are a function of the market, the count and this day.
  const anchor = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
  const server = await startResoThread({
    tenantSlug: SHORELINE_TENANT.slug,
    count: n,
    bearerToken: TOKEN,
    maxPageSize: PAGE,
    maxKeyPageSize: KEY_PAGE,
    refuseTopAbove: true,
    anchor,
  });
  // Feeds reach this machine only where an operator allowed it: exactly the local RESO server.
  process.env.FEED_ALLOWED_HOSTS = new URL(server.serviceRoot).host;
  try {
    log(`local RESO server with ${fmt(n)} listings on its own thread (built in ${fmt(server.buildMs / 1000, 1)} s)`);
    const [tenant] = await createBenchTenants(p.db, [`feeds-${ctx.runId}`]);
    const feed = await createFeed({
      tenantId: tenant!.tenantId,
      db: p.db,
      input: { name: "Bench MLS", baseUrl: server.serviceRoot, authKind: "bearer", secret: TOKEN, pageSize: PAGE, resources: ["Property", "Media"] },
    });

    const started = performance.now();
    let lastReport = started;
    let lastPageAt = started;
    const result = await syncFeed({
      tenantId: tenant!.tenantId,
      feedId: feed.id,
      kind: "full",
      db: p.db,
      onPage: (progress) => {
        lastPageAt = performance.now();
        if (performance.now() - lastReport < 5_000) return;
        lastReport = performance.now();
        log(`… ${fmt(progress.upserted)} of ${fmt(n)} listings (${fmt(progress.pages)} pages)`);
      },
    });
    const syncSeconds = (performance.now() - started) / 1000;
    const stored = Number((await p.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Listing" WHERE "tenantId" = $1`, [tenant!.tenantId])).rows[0]!.n);
    if (result.outcome !== "succeeded" || stored !== n) throw new Error(`sync ended ${result.outcome} with ${stored} of ${n} listings stored`);
    const pagesSeconds = (lastPageAt - started) / 1000;
    log(
      `initial sync: ${fmt(stored)} listings in ${fmt(syncSeconds, 1)} s (${fmt(result.pages)} pages in ${fmt(pagesSeconds, 1)} s, then the key reconciliation in ${fmt(syncSeconds - pagesSeconds, 1)} s)`,
    );

    // The same rows, mapped the same way, for the baseline: the server thread's data, built again here.
    const store = new ResoStore({ tenant: SHORELINE_TENANT, count: n, anchor, photoBase: `${server.url}/photos` });
    const rows = [...store.properties.values()]
      .map((record) => mapProperty({ ...record, Media: store.media.get(String(record.ListingKey)) ?? [] }))
      .flatMap((m) => (m.ok ? [m.listing] : []));
    const sameKeys = Number(
      (
        await p.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Listing" WHERE "tenantId" = $1 AND "ListingKey" = ANY($2)`, [
          tenant!.tenantId,
          rows.map((r) => r.ListingKey),
        ])
      ).rows[0]!.n,
    );
    if (sameKeys !== n || rows.length !== n)
      throw new Error(`the baseline's rows are not the synced ones (${sameKeys} of ${rows.length} keys stored, ${n} synced)`);
    const bareSeconds = await bareInsert(p, tenant!.tenantId, feed.id, rows);
    log(`bare bulk insert of the same ${fmt(rows.length)} rows: ${fmt(bareSeconds, 1)} s`);
    await p.pool.query(`DROP TABLE IF EXISTS "ListingBare"`);
    const ours = stored / syncSeconds;
    const bare = rows.length / bareSeconds;
    return {
      scenario: "feeds",
      figures: [
        figure({
          scenario: "feeds",
          name: `initial sync of ${fmt(n)} listings from the local RESO server`,
          unit: "listings/s",
          better: "higher",
          value: ours,
          baseline: { label: "bare bulk insert of the same rows", value: bare },
          goal: { text: ">= 0.5 x bare insert", ratioAtLeast: 0.5 },
        }),
      ],
      details: {
        listings: n,
        pageSize: PAGE,
        syncSeconds,
        pagesSeconds,
        reconcileSeconds: syncSeconds - pagesSeconds,
        pages: result.pages,
        bareInsertSeconds: bareSeconds,
      },
    };
  } finally {
    await server.close();
    await p.close();
  }
}
