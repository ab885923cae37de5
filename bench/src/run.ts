// npm run bench [-- --scenario NAME[,NAME]] [--quick] [--rebuild]
// Every figure is printed next to a baseline measured in the same run on the same machine.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, type ScenarioName } from "./lib/args";
import { log, SkipError, type BenchContext } from "./lib/context";
import { acquireBenchRun, dropLiveBenchDatabases } from "./lib/databases";
import type { ScenarioResult } from "./lib/figures";
import { machineInfo } from "./lib/machine";
import { RESULTS_DIR } from "./lib/paths";
import { stopAllStarted } from "./lib/processes";
import { renderMarkdown, renderTable } from "./lib/report-table";
import { renderRatiosSvg } from "./lib/report-svg";
import { sizesFor } from "./lib/sizes";
import { runCrmLeadsScenario } from "./scenarios/crm-leads";
import { runEventsApiScenario } from "./scenarios/events-api";
import { runFeedsScenario } from "./scenarios/feeds";
import { runIngestionScenario } from "./scenarios/ingestion";
import { runOutboxScenario } from "./scenarios/outbox";
import { runWebhooksScenario } from "./scenarios/webhooks";
import { runLeadEmailScenario } from "./scenarios/lead-email";
import { runLeadEndpointScenario } from "./scenarios/lead-endpoint";
import { runPagesScenario } from "./scenarios/pages";
import { runEdgeScenario } from "./scenarios/edge";
import { runWebAloneScenario } from "./scenarios/web-alone";
import { runQueueScenario } from "./scenarios/queue";
import { runQueueStorageScenario } from "./scenarios/queue-storage";
import { runRedriveScenario } from "./scenarios/redrive";
import { runSearchScenario } from "./scenarios/search";
import { runFreshnessScenario } from "./scenarios/freshness";
import { runRoutingScenario } from "./scenarios/routing";
import { runMyDayScenario } from "./scenarios/my-day";

const RUNNERS: Record<ScenarioName, (ctx: BenchContext) => Promise<Omit<ScenarioResult, "seconds">>> = {
  queue: runQueueScenario,
  ingestion: runIngestionScenario,
  "lead-endpoint": runLeadEndpointScenario,
  pages: runPagesScenario,
  edge: runEdgeScenario,
  "web-alone": runWebAloneScenario,
  "crm-leads": runCrmLeadsScenario,
  redrive: runRedriveScenario,
  feeds: runFeedsScenario,
  outbox: runOutboxScenario,
  webhooks: runWebhooksScenario,
  "lead-email": runLeadEmailScenario,
  search: runSearchScenario,
  freshness: runFreshnessScenario,
  "events-api": runEventsApiScenario,
  routing: runRoutingScenario,
  "my-day": runMyDayScenario,
  "queue-storage": runQueueStorageScenario,
};

/**
 * The whole run must end by itself; this is the backstop if something hangs: 15 minutes for one
 * scenario and 2 more for each further one (the 17 default scenarios took over 15 minutes on two
 * quiet cores, so a single fixed 15 minutes stopped every full run part-way).
 */
function hardLimitMs(scenarioCount: number): number {
  return (15 + 2 * Math.max(0, scenarioCount - 1)) * 60_000;
}

/** Set when the run is being stopped: the scenario then running fails because of it, not on its own. */
let stopping: string | null = null;

async function cleanup() {
  await stopAllStarted();
  await dropLiveBenchDatabases();
}

async function runOne(name: ScenarioName, ctx: BenchContext): Promise<ScenarioResult> {
  console.log(`\n== ${name} ==`);
  const started = performance.now();
  try {
    const result = await RUNNERS[name](ctx);
    return { ...result, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } catch (error) {
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    if (error instanceof SkipError) {
      log(`skipped: ${error.message}`);
      return { scenario: name, figures: [], details: {}, skipped: error.message, seconds };
    }
    if (stopping) {
      log(`stopped: ${stopping}`);
      return { scenario: name, figures: [], details: {}, error: stopping, seconds };
    }
    log(`failed: ${(error as Error).stack ?? String(error)}`);
    return { scenario: name, figures: [], details: {}, error: (error as Error).message, seconds };
  } finally {
    await cleanup();
  }
}

type Report = { started: number; ctx: BenchContext; machine: Awaited<ReturnType<typeof machineInfo>>; results: ScenarioResult[] };

function writeReport({ started, ctx, machine, results }: Report, interrupted: string | null): void {
  const loadAverageAtEnd = os.loadavg().map((v) => Math.round(v * 100) / 100);
  const figures = results.flatMap((r) => r.figures);
  console.log(`\n${renderTable(results)}`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const totalSeconds = Math.round((performance.now() - started) / 1000);
  const report = {
    generatedAt: new Date().toISOString(),
    quick: ctx.args.quick,
    scenarios: ctx.args.scenarios,
    interrupted,
    totalSeconds,
    machine: { ...machine, loadAverageAtEnd },
    sizes: ctx.sizes,
    figures,
    results,
  };
  fs.writeFileSync(path.join(RESULTS_DIR, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS_DIR, "latest.md"), `${renderMarkdown(results)}\n`);
  const subtitle = `${machine.cpus} CPUs, load ${machine.loadAverageAtStart.join("/")} at start and ${loadAverageAtEnd.join("/")} at end, commit ${machine.gitCommit ?? "?"}, ${new Date().toISOString().slice(0, 16)}Z${ctx.args.quick ? ", quick sizes" : ""}`;
  fs.writeFileSync(path.join(RESULTS_DIR, "ratios.svg"), renderRatiosSvg(figures, subtitle));
  console.log(
    `\nwrote bench/results/latest.json, latest.md and ratios.svg after ${totalSeconds} s (load average at end ${loadAverageAtEnd.join(" ")})${interrupted ? `; ${interrupted}` : ""}`,
  );
}

/**
 * A peer library's idle pool connection ended by the server (57P01: our own DROP DATABASE ...
 * WITH (FORCE) of that system's bench database, or someone else on this shared server
 * terminating backends) arrives as an 'error' event nobody listens to. It ends nothing of ours
 * still in use, so it is logged; anything else still stops the run.
 */
function tolerateTerminatedIdleConnections(): void {
  process.on("uncaughtException", (error: Error & { code?: string }) => {
    if (error.code === "57P01") {
      console.log(`  (an idle connection was ended by the server: ${error.message})`);
      return;
    }
    console.error(`bench: ${error.stack ?? String(error)}`);
    void cleanup().finally(() => process.exit(1));
  });
}

async function main() {
  tolerateTerminatedIdleConnections();
  const args = parseArgs(process.argv.slice(2));
  const ctx: BenchContext = { args, sizes: sizesFor(args.quick), runId: crypto.randomBytes(3).toString("hex") };
  const release = await acquireBenchRun();
  const machine = await machineInfo();
  const report: Report = { started: performance.now(), ctx, machine, results: [] };
  const stop = (why: string, code: number) => {
    stopping = why;
    void cleanup()
      .then(release)
      .finally(() => {
        writeReport(report, why);
        process.exit(code);
      });
  };
  const limitMs = hardLimitMs(args.scenarios.length);
  setTimeout(() => stop(`stopped at the hard limit of ${limitMs / 60_000} min`, 2), limitMs).unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop(`interrupted by ${signal}`, 130));
  console.log(
    `bench ${args.quick ? "(quick sizes) " : ""}on ${machine.cpus} CPUs, load average ${machine.loadAverageAtStart.join(" ")}, commit ${machine.gitCommit ?? "?"}`,
  );
  try {
    for (const name of args.scenarios) {
      if (stopping) break;
      report.results.push(await runOne(name, ctx));
    }
  } finally {
    await cleanup();
    await release();
  }
  // A stop in progress writes the report itself, saying why.
  if (!stopping) writeReport(report, null);
}

main().catch(async (error) => {
  console.error(`bench: ${(error as Error).stack ?? String(error)}`);
  await cleanup().catch(() => undefined);
  process.exit(1);
});
