// What the database does per drained job, ours against graphile-worker: statements (commits),
// rows written, WAL records / full-page images / bytes, buffers dirtied, and the CPU of the worker
// process and of the PostgreSQL processes, per job, over one
// drain of a bulk-enqueued backlog with the queue scenario's workers (2 each, no-op handler).
// Counters are cluster-wide (pg_stat_wal, pg_current_wal_lsn) or per database (pg_stat_database),
// so run it on a machine with nothing else writing.
//
//   npx tsx bench/src/tools/queue-drain-cost.ts [jobs, default 20000]
// COST_OURS_ONLY=1 skips graphile-worker; COST_SETUP_SQL runs in our queue's database before the
// enqueue (storage experiments, e.g. ALTER TABLE "IngestionJob" SET (fillfactor = 35)), and
// COST_BEFORE_DRAIN_SQL after it (e.g. dropping an index to see what its entries cost the drain).
import fs from "node:fs";
import pg from "pg";
import { withDatabase } from "@real-estate/db/testing";
import { acquireBenchRun, adminUrl } from "../lib/databases";
import { JobTap, lastClientCpu, measureDrain } from "../scenarios/queue/phases";
import { graphileDriver } from "../scenarios/queue/graphile";
import { oursDriver } from "../scenarios/queue/ours";
import { noopEvent, PEER_TENANT_ID } from "../scenarios/queue/payload";
import type { QueueDriver } from "../scenarios/queue/driver";

type Snapshot = Record<string, number>;

/** CPU time (ms) of every PostgreSQL process on this machine (the server runs here; others' work adds to it). */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      if (!stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).startsWith("postgres")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while being read
    }
  }
  return ticks * 10;
}

async function snapshot(admin: pg.Client, dbPrefix: string): Promise<Snapshot> {
  await new Promise((r) => setTimeout(r, 1_200)); // backends flush their statistics about once a second
  const wal = await admin.query(
    `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 AS lsn, wal_records::float8 AS records, wal_fpi::float8 AS fpi, wal_bytes::float8 AS bytes FROM pg_stat_wal`,
  );
  const db = await admin.query(
    `SELECT sum(xact_commit)::float8 AS commits, sum(tup_inserted)::float8 AS inserted, sum(tup_updated)::float8 AS updated,
            sum(tup_deleted)::float8 AS deleted, sum(tup_returned + tup_fetched)::float8 AS read, sum(blks_hit + blks_read)::float8 AS blocks
       FROM pg_stat_database WHERE datname LIKE $1`,
    [`${dbPrefix}%`],
  );
  return { ...wal.rows[0], ...db.rows[0] } as Snapshot;
}

async function measure(driver: QueueDriver & { tenantId?: () => string }, dbPrefix: string, jobs: number) {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await driver.open();
  try {
    const oursSql = async (sql: string | undefined) => {
      if (!sql || driver.system !== "ours") return;
      const name = (await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY oid DESC LIMIT 1`, [`${dbPrefix}%`])).rows[0].datname;
      const c = new pg.Client({ connectionString: withDatabase(adminUrl(), name) });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    await oursSql(process.env.COST_SETUP_SQL);
    const tenant = driver.tenantId ? driver.tenantId() : PEER_TENANT_ID;
    const events = Array.from({ length: jobs }, (_, i) => noopEvent(tenant, i, `cost-${Date.now()}`));
    for (let i = 0; i < jobs; i += 1_000) await driver.enqueueBulk!(events.slice(i, i + 1_000));
    await oursSql(process.env.COST_BEFORE_DRAIN_SQL);
    const before = await snapshot(admin, dbPrefix);
    const cpu = postgresCpuMs();
    const drain = await measureDrain(driver, new JobTap(), jobs, 2, 120_000);
    const serverCpu = (postgresCpuMs() - cpu) / jobs;
    const after = await snapshot(admin, dbPrefix);
    await drain.workers.stop();
    const per = (k: string, d = 2) => ((after[k]! - before[k]!) / jobs).toFixed(d);
    console.log(
      `${driver.system}: ${Math.round(drain.perSecond)} jobs/s, worker CPU ${lastClientCpu.drainMsPerJob.toFixed(3)} ms, PostgreSQL CPU ${serverCpu.toFixed(3)} ms per job; per job: commits ${per("commits", 3)}, rows inserted ${per("inserted")} updated ${per("updated")} deleted ${per("deleted")} read ${per("read")}, ` +
        `buffers ${per("blocks", 1)}, WAL records ${per("records")}, FPI ${per("fpi", 3)}, WAL bytes ${per("lsn", 0)} (pg_stat_wal ${per("bytes", 0)})`,
    );
  } finally {
    await driver.close();
    await admin.end();
  }
}

const jobs = Number(process.argv[2] ?? 20_000);
if (!Number.isInteger(jobs) || jobs < 1_000 || jobs > 1_000_000) throw new Error(`jobs must be an integer from 1,000 to 1,000,000 (got ${process.argv[2]})`);
const ctx = { args: {}, sizes: { queueJobs: jobs }, runId: `cost${Date.now()}` } as unknown as Parameters<typeof oursDriver>[0];
const release = await acquireBenchRun();
try {
  if (!process.env.COST_OURS_ONLY) await measure(graphileDriver(), "re_bench_qgraphile", jobs);
  await measure(await oursDriver(ctx), "re_bench_qours", jobs);
} finally {
  await release();
}
