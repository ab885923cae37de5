// Experimental (not in the default set): npm run bench -- --scenario queue-storage [--quick]
// Storage designs for the durable queue measured in one run against today's and graphile-worker
// (decision 0103). QUEUE_STORAGE_ROUNDS (default 3) sets how many rounds; each round runs every
// system once, in forward order on odd rounds and reverse order on even ones, so drifting load
// falls on all of them.
import os from "node:os";
import pg from "pg";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type Figure, type ScenarioResult } from "../../lib/figures";
import { round, sleep } from "../../lib/stats";
import type { QueueDriver } from "../queue/driver";
import { graphileDriver } from "../queue/graphile";
import { noopEvent, PEER_TENANT_ID } from "../queue/payload";
import { runPgbench } from "../queue/pgbench";
import { JobTap, measureBulkEnqueue, measureDrain, measureSingleEnqueue } from "../queue/phases";
import { CLAIM_BATCH, LOOPS_PER_WORKER, splitDesign, todayDesign, type StorageDesign } from "./designs";
import { checkGuarantees } from "./guarantees";

const SENDERS = 4;
const WORKERS = 2;
const BULK_BATCH = 1_000;
/**
 * Single enqueues per round (at most 3,000: seven systems times the rounds must fit the run's
 * hard limit on a busy machine). graphile-worker's single enqueue is not measured here: the
 * queue scenario has it, far below ours, and this scenario compares storage.
 */
const singleJobs = (ctx: BenchContext) => Math.min(ctx.sizes.queueJobs, 3_000);

type TableCounters = { ins: number; upd: number; hot: number; del: number };
type RoundFigures = {
  round: number;
  system: string;
  singlePerSec: number | null;
  bulkPerSec: number;
  drainPerSec: number;
  load: { single: number; bulk: number; drain: number };
  /** WAL bytes per job (cluster-wide LSN difference, so other work on the server adds to it). */
  walPerJob: { single: number | null; bulk: number; drain: number };
  /** Per table, what the drain did to it. */
  drainTables: Record<string, TableCounters>;
};

const load1 = () => round(os.loadavg()[0]!, 2)!;

async function walLsn(driver: { pool: () => pg.Pool } | null, fallback: pg.Pool): Promise<bigint> {
  const pool = driver?.pool() ?? fallback;
  const r = await pool.query<{ b: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint::text AS b`);
  return BigInt(r.rows[0]!.b);
}

/**
 * Backends send their table counters to the statistics system when they end, or when idle at
 * most every 10 s: the design's other sessions (its enqueue client, the stopped workers) are
 * ended first so the counters read are complete. Only this scratch database's sessions.
 */
async function tableCounters(design: StorageDesign): Promise<Record<string, TableCounters>> {
  const client = new pg.Client({ connectionString: design.url(), application_name: "re-bench-stats" });
  await client.connect();
  try {
    const others = `FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;
    await client.query(`SELECT pg_terminate_backend(pid) ${others}`);
    for (let i = 0; i < 100 && Number((await client.query<{ n: string }>(`SELECT count(*) AS n ${others}`)).rows[0]!.n) > 0; i++) await sleep(20);
    const r = await client.query<{ relname: string; ins: string; upd: string; hot: string; del: string }>(
      `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot, n_tup_del AS del FROM pg_stat_user_tables WHERE relname = ANY($1)`,
      [design.tables],
    );
    return Object.fromEntries(r.rows.map((row) => [row.relname, { ins: Number(row.ins), upd: Number(row.upd), hot: Number(row.hot), del: Number(row.del) }]));
  } finally {
    await client.end();
  }
}

function diff(after: Record<string, TableCounters>, before: Record<string, TableCounters>): Record<string, TableCounters> {
  return Object.fromEntries(
    Object.entries(after).map(([t, a]) => {
      const b = before[t] ?? { ins: 0, upd: 0, hot: 0, del: 0 };
      return [t, { ins: a.ins - b.ins, upd: a.upd - b.upd, hot: a.hot - b.hot, del: a.del - b.del }];
    }),
  );
}

const isDesign = (d: QueueDriver): d is StorageDesign => "tables" in d;

/** One round of one system: single enqueue, bulk enqueue, drain with 2 workers (each phase from an empty queue). */
async function measureRound(driver: QueueDriver, ctx: BenchContext, roundNo: number, walPool: pg.Pool): Promise<RoundFigures> {
  const n = ctx.sizes.queueJobs;
  const design = isDesign(driver) ? driver : null;
  const tenantId = design ? design.tenantId() : PEER_TENANT_ID;
  const events = (tag: string, count: number) => Array.from({ length: count }, (_, i) => noopEvent(tenantId, i, `${ctx.runId}-${tag}-r${roundNo}`));
  await driver.reset();
  const single = events("single", singleJobs(ctx));
  let wal = await walLsn(design, walPool);
  const singlePerSec = design ? await measureSingleEnqueue(driver, single, SENDERS) : null;
  const singleWal = design ? Number((await walLsn(design, walPool)) - wal) / single.length : null;
  const singleLoad = load1();
  await driver.reset();
  const bulk = events("bulk", n);
  wal = await walLsn(design, walPool);
  const bulkPerSec = (await measureBulkEnqueue(driver, bulk, BULK_BATCH))!;
  const bulkWal = Number((await walLsn(design, walPool)) - wal) / n;
  const bulkLoad = load1();
  const before = design ? await tableCounters(design) : {};
  wal = await walLsn(design, walPool);
  const drain = await measureDrain(driver, new JobTap(), n, WORKERS, 120_000);
  const drainWal = Number((await walLsn(design, walPool)) - wal) / n;
  const drainLoad = load1();
  await drain.workers.stop();
  const drainTables = design ? diff(await tableCounters(design), before) : {};
  await driver.reset();
  const out: RoundFigures = {
    round: roundNo,
    system: driver.system,
    singlePerSec: round(singlePerSec, 0),
    bulkPerSec: round(bulkPerSec, 0)!,
    drainPerSec: round(drain.perSecond, 0)!,
    load: { single: singleLoad, bulk: bulkLoad, drain: drainLoad },
    walPerJob: { single: round(singleWal, 0), bulk: round(bulkWal, 0)!, drain: round(drainWal, 0)! },
    drainTables,
  };
  const tables = Object.entries(drainTables)
    .map(([t, c]) => `${t} ins ${c.ins} upd ${c.upd} (HOT ${c.hot}) del ${c.del}`)
    .join("; ");
  log(
    `round ${roundNo} ${driver.system}: ${singlePerSec === null ? "" : `single ${fmt(singlePerSec)}/s (load ${singleLoad}), `}bulk ${fmt(bulkPerSec)}/s (load ${bulkLoad}), drain ${fmt(drain.perSecond)}/s (load ${drainLoad}); WAL/job ${singleWal === null ? "" : `single ${fmt(singleWal)} B, `}bulk ${fmt(bulkWal)} B, drain ${fmt(drainWal)} B${tables ? `; drain: ${tables}` : ""}`,
  );
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function runQueueStorageScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  const rounds = Math.max(1, Number(process.env.QUEUE_STORAGE_ROUNDS) || 3);
  log(
    `${fmt(singleJobs(ctx))} single enqueues, ${fmt(ctx.sizes.queueJobs)} jobs bulk-enqueued (${BULK_BATCH} a call) and drained, ${rounds} rounds (order reversed every other round); prototypes drained by ${WORKERS} workers x ${LOOPS_PER_WORKER} loops of claim ${CLAIM_BATCH} -> no-op -> complete`,
  );
  const designs: QueueDriver[] = [
    graphileDriver(),
    todayDesign(ctx),
    splitDesign(ctx, { key: "b", ledgerFillfactor: 100 }),
    splitDesign(ctx, { key: "b", ledgerFillfactor: 50 }),
    splitDesign(ctx, { key: "c", ledgerFillfactor: 100 }),
    splitDesign(ctx, { key: "c", ledgerFillfactor: 100, readyForeignKey: false }),
    splitDesign(ctx, { key: "d", ledgerFillfactor: 100 }),
  ];
  const opened: QueueDriver[] = [];
  const all: RoundFigures[] = [];
  let pgbenchTps: number[] = [];
  try {
    for (const d of designs) {
      await d.open();
      opened.push(d);
      if (isDesign(d) && d.fail) {
        await checkGuarantees(d, ctx.runId);
        log(`${d.system}: guarantees checked (dedupe, lease reclaim, late completion refused, retry time, dead letter, re-drive, completion)`);
      }
    }
    const walPool = (designs[1] as StorageDesign).pool();
    for (let r = 1; r <= rounds; r++) {
      const pg = await runPgbench({ clients: SENDERS, transactions: singleJobs(ctx) });
      pgbenchTps.push(pg.tps);
      log(`round ${r} pgbench insert-only, ${SENDERS} clients: ${fmt(pg.tps)} tps (load ${load1()})`);
      const order = r % 2 ? designs : [...designs].reverse();
      for (const d of order) all.push(await measureRound(d, ctx, r, walPool));
    }
  } finally {
    for (const d of opened) await d.close().catch(() => undefined);
  }
  pgbenchTps = pgbenchTps.map((t) => round(t, 0)!);

  // Ratios within each round (the systems of one round ran back to back), then their medians.
  const systems = designs.map((d) => d.system);
  const peer = systems[0]!;
  const today = systems[1]!;
  const byRound = (r: number, s: string) => all.find((x) => x.round === r && x.system === s)!;
  const figures: Figure[] = [];
  const ratios: Record<string, Record<string, number[]>> = {};
  for (const s of systems.slice(1)) {
    ratios[s] = { bulk: [], drain: [], singleVsToday: [], bulkVsToday: [], drainVsToday: [], singleVsPgbench: [] };
    for (let r = 1; r <= rounds; r++) {
      const x = byRound(r, s);
      const g = byRound(r, peer);
      const a = byRound(r, today);
      ratios[s].bulk!.push(x.bulkPerSec / g.bulkPerSec);
      ratios[s].drain!.push(x.drainPerSec / g.drainPerSec);
      ratios[s].singleVsToday!.push(x.singlePerSec! / a.singlePerSec!);
      ratios[s].bulkVsToday!.push(x.bulkPerSec / a.bulkPerSec);
      ratios[s].drainVsToday!.push(x.drainPerSec / a.drainPerSec);
      ratios[s].singleVsPgbench!.push(x.singlePerSec! / pgbenchTps[r - 1]!);
    }
    const list = (v: number[]) => v.map((n) => n.toFixed(2)).join(" ");
    const rs = ratios[s];
    log(
      `${s}: vs graphile-worker bulk ${list(rs.bulk!)}, drain ${list(rs.drain!)}; vs today single ${list(rs.singleVsToday!)}, bulk ${list(rs.bulkVsToday!)}, drain ${list(rs.drainVsToday!)}; single vs pgbench ${list(rs.singleVsPgbench!)}`,
    );
    const med = (key: "singlePerSec" | "bulkPerSec" | "drainPerSec") => median(all.filter((x) => x.system === s).map((x) => x[key]!));
    const medPeer = (key: "bulkPerSec" | "drainPerSec") => median(all.filter((x) => x.system === peer).map((x) => x[key]));
    figures.push(
      figure({
        scenario: "queue-storage",
        name: `${s}: single enqueue, 4 senders (median of ${rounds})`,
        unit: "jobs/s",
        better: "higher",
        value: med("singlePerSec"),
        baseline: { label: "pgbench insert-only (median)", value: median(pgbenchTps) },
        goal: { text: ">= 0.6 x pgbench", ratioAtLeast: 0.6 },
      }),
    );
    for (const [key, name] of [
      ["bulkPerSec", "bulk enqueue"],
      ["drainPerSec", "drain, 2 workers"],
    ] as const) {
      figures.push(
        figure({
          scenario: "queue-storage",
          name: `${s}: ${name} (median of ${rounds})`,
          unit: "jobs/s",
          better: "higher",
          value: med(key),
          baseline: { label: `${peer} (median)`, value: medPeer(key) },
          goal: { text: ">= 1.0 x graphile-worker", ratioAtLeast: 1 },
        }),
      );
    }
  }
  return {
    scenario: "queue-storage",
    figures,
    details: {
      jobs: ctx.sizes.queueJobs,
      rounds,
      senders: SENDERS,
      workers: WORKERS,
      loopsPerWorker: LOOPS_PER_WORKER,
      claimBatch: CLAIM_BATCH,
      bulkBatch: BULK_BATCH,
      pgbenchTps,
      perRound: all,
      ratios: Object.fromEntries(
        Object.entries(ratios).map(([s, r]) => [s, Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.map((n) => round(n, 3))]))]),
      ),
    },
  };
}
