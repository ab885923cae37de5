// A "feed.sync" job that keeps failing ends dead-lettered; the feed must keep syncing on schedule
// after it, and a re-drive of that dead letter must not start a second chain of runs. The failure
// is the database's: a trigger refuses writes to the feed's row while it is installed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { SHORELINE_TENANT } from "@real-estate/demo";
import { startResoServer, type ResoServer } from "@real-estate/demo/reso-server";
import { createFeed, FEED_SYNC_KIND, unsafeEnsureFeedSyncJobs } from "@real-estate/feeds";
import { requeueDeadLetters } from "@real-estate/queue";
import { feedSyncKind } from "../src/feed-sync";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("s15_feed_dead_letter");
const CLIENT = { clientId: "chain-client", clientSecret: "chain-Secret-Value-41c9" };
const LISTINGS = 30;
let server: ResoServer;

beforeAll(async () => {
  server = await startResoServer({ tenant: SHORELINE_TENANT, count: LISTINGS, clients: [CLIENT] });
  // Feeds reach this machine only where an operator allowed it: exactly the local RESO server.
  process.env.FEED_ALLOWED_HOSTS = new URL(server.serviceRoot).host;
});
afterAll(async () => {
  await server.close();
});

// The feed kind as the worker runs it, with three attempts and no wait between them (the default
// policy takes hours to reach the dead letters).
const kinds = { [FEED_SYNC_KIND]: { ...feedSyncKind({ client: { backoffBaseMs: 5, timeoutMs: 10_000 } }), retry: { attempts: 3, backoffMs: [0] } } };

async function newFeed(db: Db) {
  const { tenantId } = await createTenantFixture(db);
  const feed = await createFeed({
    tenantId,
    db,
    input: {
      name: "Chain MLS",
      baseUrl: server.serviceRoot,
      authKind: "client_credentials",
      tokenUrl: server.tokenUrl,
      clientId: CLIENT.clientId,
      secret: CLIENT.clientSecret,
      pageSize: 25,
      syncIntervalSeconds: 300,
    },
  });
  return { tenantId, feedId: feed.id };
}

/** Refuses the run's claim of the feed's lease, or with `all`, every write to the feed's row. */
async function refuseFeedWrites(db: Db, feedId: string, which: "runs" | "all") {
  const only = which === "runs" ? ` AND NEW."leaseOwner" IS NOT NULL` : "";
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION refuse_feed_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'database refuses writes to this feed' USING ERRCODE = '53300'; END $$`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER refuse_feed_write BEFORE UPDATE ON "Feed" FOR EACH ROW WHEN (NEW.id = '${feedId}'::uuid${only}) EXECUTE FUNCTION refuse_feed_write()`,
  );
}

const feedJobs = (db: Db, tenantId: string, status: "PENDING" | "DEAD_LETTERED") =>
  db.ingestionJob.findMany({ where: { tenantId, kind: FEED_SYNC_KIND, status }, orderBy: { nextAttemptAt: "asc" } });

describe("a dead-lettered feed run", () => {
  it("leaves the feed on schedule; a re-drive of it starts no second chain", { timeout: 120_000 }, async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await newFeed(db);
    const other = await newFeed(db);
    await refuseFeedWrites(db, feedId, "runs");

    const { worker, clock } = testWorker(db, { kinds });
    expect(await worker.drainOnce()).toMatchObject({ deadLettered: 1 });
    const [dead, ...moreDead] = await feedJobs(db, tenantId, "DEAD_LETTERED");
    expect(moreDead).toHaveLength(0);
    expect(dead!.attempts).toBe(3);
    // The other tenant's feed ran as usual and is untouched by this one's failure.
    expect(await db.listing.count({ where: { tenantId: other.tenantId } })).toBe(LISTINGS);
    expect(await db.listing.count({ where: { tenantId } })).toBe(0);

    // The database recovers. The follow-up ran when the job was dead-lettered (the trigger only
    // refused the runs' lease claims): the feed shows the failure and its next run is queued at the
    // failure backoff.
    await db.$executeRawUnsafe(`DROP TRIGGER refuse_feed_write ON "Feed"`);
    const failing = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } });
    expect(failing.status).toBe("failing");
    expect(failing.consecutiveFailures).toBe(1);
    expect(failing.lastError).toMatch(/dead-lettered after 3 attempts/);
    const [next, ...others] = await feedJobs(db, tenantId, "PENDING");
    expect(others).toHaveLength(0);
    expect(next!.nextAttemptAt).toEqual(failing.nextRunAt);
    expect(next!.nextAttemptAt.getTime()).toBeGreaterThan(dead!.nextAttemptAt.getTime());

    // An operator re-drives the dead letter before the next run is due: it finds the feed not due
    // and meets the chain at the next run's key. Still one job waiting, the same one.
    expect(await requeueDeadLetters({ db, selection: { ids: [dead!.id.toString()] }, actor: "ops", origin: "cli" })).toMatchObject({ requeued: 1 });
    clock.set(new Date(Date.now() + 1_000));
    expect(await worker.drainOnce()).toMatchObject({ processed: 1, deadLettered: 0 });
    expect((await feedJobs(db, tenantId, "PENDING")).map((j) => j.id)).toEqual([next!.id]);
    expect(await unsafeEnsureFeedSyncJobs({ db })).toBe(0);

    // The scheduled run happens when due and the chain goes on from it.
    clock.advance(failing.nextRunAt.getTime() - clock.now().getTime() + 1_000);
    expect(await worker.drainOnce()).toMatchObject({ processed: 1, deadLettered: 0 });
    expect(await db.listing.count({ where: { tenantId } })).toBe(LISTINGS);
    const synced = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } } });
    expect(synced).toMatchObject({ status: "active", consecutiveFailures: 0 });
    const runs = await db.feedRun.findMany({ where: { tenantId, feedId } });
    expect(runs.map((r) => r.status)).toEqual(["succeeded"]);
    const [after, ...extra] = await feedJobs(db, tenantId, "PENDING");
    expect(extra).toHaveLength(0);
    expect(after!.nextAttemptAt).toEqual(synced.nextRunAt);
  });

  it("is queued again when the worker starts, if its follow-up could not be written", { timeout: 60_000 }, async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await newFeed(db);
    // The follow-up fails too (the feed's row refuses writes), so no next run is queued.
    await refuseFeedWrites(db, feedId, "all");
    const { worker } = testWorker(db, { kinds });
    expect(await worker.drainOnce()).toMatchObject({ deadLettered: 1 });
    expect(await feedJobs(db, tenantId, "PENDING")).toHaveLength(0);
    await db.$executeRawUnsafe(`DROP TRIGGER refuse_feed_write ON "Feed"`);
    // The overdue run's own key is the dead letter's: the start-up check queues it under a new one.
    expect(await unsafeEnsureFeedSyncJobs({ db })).toBe(1);
    expect(await unsafeEnsureFeedSyncJobs({ db })).toBe(0);
    expect(await worker.drainOnce()).toMatchObject({ processed: 1, deadLettered: 0 });
    expect(await db.listing.count({ where: { tenantId } })).toBe(LISTINGS);
    expect(await feedJobs(db, tenantId, "PENDING")).toHaveLength(1);
  });
});
