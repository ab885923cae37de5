import { fmt, log, SkipError, type BenchContext } from "../../lib/context";
import { figure, skippedFigure, type Figure, type ScenarioResult } from "../../lib/figures";
import { round } from "../../lib/stats";
import type { QueueDriver } from "./driver";
import { graphileDriver } from "./graphile";
import { oursDriver } from "./ours";
import { noopEvent, PEER_TENANT_ID } from "./payload";
import { pgBossDriver } from "./pg-boss";
import { profileOurQueue } from "./profile-ours";
import { runPgbench } from "./pgbench";
import { JobTap, lastClientCpu, measureBulkEnqueue, measureDrain, measureSingleEnqueue, measureWakeup } from "./phases";

const SENDERS = 4;
const WORKERS = 2;
const BULK_BATCH = 1_000;

export type SystemFigures = {
  system: string;
  version: string;
  settings: string;
  singlePerSec: number | null;
  /** CPU milliseconds the enqueuing process spent per single enqueue (client library + driver). */
  singleClientCpuMsPerJob?: number | null;
  /** CPU milliseconds the workers (in this process) spent per job while draining. */
  drainClientCpuMsPerJob?: number | null;
  bulkPerSec: number | null;
  drainPerSec: number | null;
  wakeP50Ms: number | null;
  wakeP99Ms: number | null;
  wakeLost: number | null;
  wakeFailedSends: number | null;
  error?: string;
};

function emptyFigures(driver: QueueDriver): SystemFigures {
  return {
    system: driver.system,
    version: driver.version,
    settings: driver.settings,
    singlePerSec: null,
    bulkPerSec: null,
    drainPerSec: null,
    wakeP50Ms: null,
    wakeP99Ms: null,
    wakeLost: null,
    wakeFailedSends: null,
  };
}

/** Runs every phase on one system, filling `out` as it goes (a failure keeps what was measured). */
async function measureSystem(driver: QueueDriver, ctx: BenchContext, tenantId: () => string, out: SystemFigures): Promise<SystemFigures> {
  const n = ctx.sizes.queueJobs;
  await driver.open();
  try {
    const events = (tag: string, count: number) => Array.from({ length: count }, (_, i) => noopEvent(tenantId(), i, `${ctx.runId}-${tag}`));
    out.singlePerSec = await measureSingleEnqueue(driver, events("single", n), SENDERS);
    out.singleClientCpuMsPerJob = round(lastClientCpu.msPerJob, 3);
    log(`${driver.system}: single enqueue ${fmt(out.singlePerSec)}/s (client CPU ${fmt(out.singleClientCpuMsPerJob, 3)} ms per job, in this one Node process)`);
    await driver.reset();
    const bulk = events("bulk", n);
    out.bulkPerSec = await measureBulkEnqueue(driver, bulk, BULK_BATCH);
    if (out.bulkPerSec === null) await measureSingleEnqueue(driver, bulk, SENDERS);
    log(`${driver.system}: bulk enqueue ${out.bulkPerSec === null ? "not offered" : `${fmt(out.bulkPerSec)}/s`}`);
    const tap = new JobTap();
    const drain = await measureDrain(driver, tap, n, WORKERS, 120_000);
    out.drainPerSec = drain.perSecond;
    out.drainClientCpuMsPerJob = round(lastClientCpu.drainMsPerJob, 3);
    log(`${driver.system}: drain with ${WORKERS} workers ${fmt(out.drainPerSec)}/s (worker CPU ${fmt(out.drainClientCpuMsPerJob, 3)} ms per job)`);
    try {
      const wake = await measureWakeup(driver, tap, events("wake", ctx.sizes.wakeupJobs), ctx.sizes.wakeupRatePerSec);
      out.wakeP50Ms = wake.p50;
      out.wakeP99Ms = wake.p99;
      out.wakeLost = wake.lost;
      out.wakeFailedSends = wake.failedSends;
      const trouble = `${wake.lost ? `, ${wake.lost} not run within 30 s` : ""}${wake.failedSends ? `, ${wake.failedSends} enqueues failed` : ""}`;
      log(`${driver.system}: wake-up at ${ctx.sizes.wakeupRatePerSec}/s p50 ${fmt(wake.p50, 1)} ms, p99 ${fmt(wake.p99, 1)} ms${trouble}`);
    } finally {
      await drain.workers.stop();
    }
  } finally {
    await driver.close();
  }
  return out;
}

function bestPeer(peers: SystemFigures[], key: keyof SystemFigures, better: "higher" | "lower") {
  const usable = peers.filter((p) => typeof p[key] === "number") as (SystemFigures & Record<string, number>)[];
  if (!usable.length) return null;
  const best = usable.reduce((a, b) => ((better === "higher" ? b[key]! > a[key]! : b[key]! < a[key]!) ? b : a));
  const others = usable.map((p) => `${p.system} ${fmt(p[key] as number, better === "lower" ? 1 : 0)}`).join(", ");
  return { label: `best peer (${best.system})`, value: best[key] as number, note: others };
}

function comparisonFigures(ours: SystemFigures | null, peers: SystemFigures[], oursSkip: string | null): Figure[] {
  const rows: [keyof SystemFigures, string, string, "higher" | "lower"][] = [
    ["singlePerSec", "single enqueue, 4 senders", "jobs/s", "higher"],
    ["bulkPerSec", "bulk enqueue", "jobs/s", "higher"],
    ["drainPerSec", "drain, 2 workers", "jobs/s", "higher"],
    ["wakeP50Ms", "wake-up p50 at 200/s", "ms", "lower"],
    ["wakeP99Ms", "wake-up p99 at 200/s", "ms", "lower"],
  ];
  return rows.map(([key, name, unit, better]) => {
    const peer = bestPeer(peers, key, better);
    const goal = better === "higher" ? { text: ">= 1.0 x best peer", ratioAtLeast: 1 } : { text: "<= 1.0 x best peer", ratioAtMost: 1 };
    if (!ours) return skippedFigure("queue", name, oursSkip ?? "our queue did not run", goal);
    const value = ours[key] as number | null;
    if (value === null) {
      const why = ours.error ? `failed: ${ours.error}` : key === "bulkPerSec" ? "our queue offers no bulk enqueue" : "not measured";
      return { ...skippedFigure("queue", name, why, goal), note: peer?.note };
    }
    return figure({ scenario: "queue", name, unit, better, value, baseline: peer, goal, note: peer?.note });
  });
}

export async function runQueueScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  log(`N = ${fmt(ctx.sizes.queueJobs)} no-op jobs per phase, each system in its own fresh database`);
  const pgbench = await runPgbench({ clients: SENDERS, transactions: ctx.sizes.queueJobs });
  log(`pgbench insert-only, ${SENDERS} clients: ${fmt(pgbench.tps)} tps`);
  const peers: SystemFigures[] = [];
  for (const make of [graphileDriver, pgBossDriver]) {
    const driver = make();
    const out = emptyFigures(driver);
    try {
      await measureSystem(driver, ctx, () => PEER_TENANT_ID, out);
    } catch (error) {
      log(`${driver.system} failed: ${(error as Error).message}`);
      out.error = (error as Error).message;
    }
    peers.push(out);
  }
  let ours: SystemFigures | null = null;
  let oursSkip: string | null = null;
  try {
    const driver = await oursDriver(ctx);
    ours = emptyFigures(driver);
    await measureSystem(driver, ctx, () => driver.tenantId(), ours);
  } catch (error) {
    if (ours) ours.error = (error as Error).message;
    oursSkip = error instanceof SkipError ? error.message : `failed: ${(error as Error).message}`;
    log(`our queue: ${error instanceof SkipError ? "skipped" : "failed"}: ${(error as Error).message}`);
  }
  const profile = ours ? await profileOurQueue(ctx.runId).catch((error: Error) => ({ error: error.message })) : null;
  const figures = comparisonFigures(ours, peers, oursSkip);
  figures.push(
    ours
      ? figure({
          scenario: "queue",
          name: "single enqueue vs pgbench insert-only",
          unit: "jobs/s",
          better: "higher",
          value: ours.singlePerSec,
          baseline: { label: `pgbench, ${SENDERS} clients`, value: pgbench.tps },
          goal: { text: ">= 0.6 x pgbench", ratioAtLeast: 0.6 },
        })
      : skippedFigure("queue", "single enqueue vs pgbench insert-only", oursSkip ?? "our queue did not run", { text: ">= 0.6 x pgbench", ratioAtLeast: 0.6 }),
  );
  return {
    scenario: "queue",
    figures,
    details: {
      jobs: ctx.sizes.queueJobs,
      senders: SENDERS,
      workers: WORKERS,
      bulkBatch: BULK_BATCH,
      pgbench: { ...pgbench, tps: round(pgbench.tps) },
      ours,
      peers,
      profileOurs: profile,
    },
  };
}
