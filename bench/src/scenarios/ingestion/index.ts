import fs from "node:fs";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, skippedFigure, type ScenarioResult } from "../../lib/figures";
import { createBenchTenants, openPlatformDb, type PlatformDb } from "../../lib/platform-db";
import { RssSampler, type Started } from "../../lib/processes";
import { sleep, summarize } from "../../lib/stats";
import { runDirect } from "./direct";
import { leadSubmittedEvents } from "./lead-events";
import { drainRate, enqueueBacklog, idleWorkerRss, pacedLatency, waitCompleted } from "./pipeline";
import { assertWorkerLanded, startBenchWorker } from "../../lib/worker";

/** The worker's default concurrency (INGESTION_CONCURRENCY), and as many loops for the direct baseline. */
const CONCURRENCY = 8;

async function countCrm(p: { pool: import("pg").Pool }) {
  const r = await p.pool.query<{ contacts: string; leads: string; activities: string }>(
    `SELECT (SELECT count(*) FROM "Contact") AS contacts, (SELECT count(*) FROM "Lead") AS leads, (SELECT count(*) FROM "Activity") AS activities`,
  );
  const row = r.rows[0]!;
  return { contacts: Number(row.contacts), leads: Number(row.leads), activities: Number(row.activities) };
}

/** The baseline in its own fresh database: the same events through processWebsiteEvent, no queue. */
async function directPhase(ctx: BenchContext, slugs: string[]) {
  const direct = await openPlatformDb("ing_direct", { poolSize: CONCURRENCY + 2 });
  try {
    const tenants = await createBenchTenants(direct.db, slugs);
    const events = leadSubmittedEvents(
      tenants.map((t) => t.tenantId),
      ctx.sizes.ingestionEvents,
      `${ctx.runId}d`,
    );
    const directResult = await runDirect(direct.db, events, CONCURRENCY);
    const directCounts = await countCrm(direct);
    log(
      `direct processWebsiteEvent loop: ${fmt(directResult.perSecond)} events/s, per event p99 ${fmt(directResult.perEvent.p99, 1)} ms (${JSON.stringify(directCounts)})`,
    );
    return { directResult, directCounts };
  } finally {
    await direct.close();
  }
}

/** Per-job processing time the worker itself logged ({"msg":"job","ms":...}) for one phase's events. */
function workerJobTimes(logPath: string, prefix: string) {
  const ms: number[] = [];
  for (const line of fs.readFileSync(logPath, "utf8").split("\n")) {
    if (!line.includes(`"eventId":"${prefix}`)) continue;
    const entry = JSON.parse(line) as { msg?: string; ms?: number };
    if (entry.msg === "job" && typeof entry.ms === "number") ms.push(entry.ms);
  }
  return { ...summarize(ms), meanMs: ms.length ? ms.reduce((a, b) => a + b, 0) / ms.length : null };
}

/** Latency at a load the pipeline can sustain: half its measured drain rate, at most the configured rate. */
async function latencyPhase(ctx: BenchContext, pipe: PlatformDb, ids: string[], drainPerSec: number, worker: Started) {
  const rate = Math.max(1, Math.min(ctx.sizes.ingestionLatencyRatePerSec, Math.floor(drainPerSec / 2)));
  const count = Math.min(ctx.sizes.ingestionLatencyEvents, rate * 10);
  const events = leadSubmittedEvents(ids, count, `${ctx.runId}l`);
  const latency = await pacedLatency(pipe.db, pipe.pool, events, rate, worker);
  log(`enqueue -> CRM record at ${rate}/s (half the drain rate), ${count} events: p50 ${fmt(latency.p50, 1)} ms, p99 ${fmt(latency.p99, 1)} ms`);
  return { rate, events: count, ...latency };
}

export async function runIngestionScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  assertWorkerLanded();
  const n = ctx.sizes.ingestionEvents;
  const slugs = [`ing-a-${ctx.runId}`, `ing-b-${ctx.runId}`];
  log(`${fmt(n)} lead.submitted events, two tenants, ~70 % new people / 30 % repeats; concurrency ${CONCURRENCY}`);
  const { directResult, directCounts } = await directPhase(ctx, slugs);
  const pipe = await openPlatformDb("ing_pipeline", { poolSize: 12 });
  try {
    const ids = (await createBenchTenants(pipe.db, slugs)).map((t) => t.tenantId);
    const prefix = `lead-${ctx.runId}d-`;
    const idleMb = await idleWorkerRss(pipe.url, CONCURRENCY);
    const enqueuePerSec = await enqueueBacklog(pipe.db, leadSubmittedEvents(ids, n, `${ctx.runId}d`));
    log(`backlog of ${fmt(n)} queued with enqueueWebsiteEvents at ${fmt(enqueuePerSec)}/s; starting the worker`);
    const worker = startBenchWorker({ databaseUrl: pipe.url, concurrency: CONCURRENCY });
    const rss = new RssSampler(worker.pid).start();
    rss.idleMb = idleMb;
    try {
      await waitCompleted(pipe.pool, prefix, n, worker, Math.max(120_000, (n / 20) * 1000));
      const drain = await drainRate(pipe.pool, prefix);
      const counts = await countCrm(pipe);
      log(`worker drained ${fmt(drain.count)} in ${fmt(drain.seconds, 1)} s: ${fmt(drain.perSecond)} events/s (${JSON.stringify(counts)})`);
      if (JSON.stringify(counts) !== JSON.stringify(directCounts)) log(`note: CRM row counts differ from the direct run ${JSON.stringify(directCounts)}`);
      const jobTimes = workerJobTimes(worker.logPath, prefix);
      log(
        `where the time goes: the worker's own per-job time mean ${fmt(jobTimes.meanMs, 1)} ms (p99 ${fmt(jobTimes.p99, 1)}) vs the direct call mean ${fmt(directResult.perEvent.meanMs, 1)} ms (p99 ${fmt(directResult.perEvent.p99, 1)}), ${CONCURRENCY} at a time in both`,
      );
      await sleep(500);
      let latency: Awaited<ReturnType<typeof latencyPhase>> | null = null;
      let latencySkip = "";
      try {
        latency = await latencyPhase(ctx, pipe, ids, drain.perSecond, worker);
      } catch (error) {
        latencySkip = `failed: ${(error as Error).message}`;
        log(`latency phase ${latencySkip}`);
      }
      const memory = rss.stop();
      log(`worker peak RSS ${fmt(memory.peakMb)} MB (idle after start ${fmt(memory.idleMb)} MB)`);
      const latencyName = `enqueue -> CRM record p99 at ${latency?.rate ?? "half the drain"}/s`;
      return {
        scenario: "ingestion",
        figures: [
          figure({
            scenario: "ingestion",
            name: "worker drain (lead.submitted)",
            unit: "events/s",
            better: "higher",
            value: drain.perSecond,
            baseline: { label: `direct processWebsiteEvent, ${CONCURRENCY} loops`, value: directResult.perSecond },
            goal: { text: ">= 0.8 x direct", ratioAtLeast: 0.8 },
          }),
          latency
            ? figure({
                scenario: "ingestion",
                name: latencyName,
                unit: "ms",
                better: "lower",
                value: latency.p99,
                baseline: { label: "direct call p99", value: directResult.perEvent.p99 },
                note: `p50 ${fmt(latency.p50, 1)} ms`,
              })
            : skippedFigure("ingestion", latencyName, latencySkip),
          figure({
            scenario: "memory",
            name: "ingestion worker peak RSS (scenario 2)",
            unit: "MB",
            better: "lower",
            value: memory.peakMb,
            baseline: { label: "worker RSS idle after start", value: memory.idleMb },
          }),
        ],
        details: {
          events: n,
          concurrency: CONCURRENCY,
          direct: directResult,
          directCounts,
          enqueuePerSec,
          drain,
          counts,
          workerJobTimes: jobTimes,
          latency,
          workerRss: memory,
        },
      };
    } finally {
      rss.stop();
      await worker.stop();
    }
  } finally {
    await pipe.close();
  }
}
