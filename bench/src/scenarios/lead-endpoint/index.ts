import { fmt, log, SkipError, type BenchContext } from "../../lib/context";
import { figure, type ScenarioResult } from "../../lib/figures";
import { httpRequest } from "../../lib/http";
import { runLoad, warmUp, type LoadResult } from "../../lib/load";
import { ensureBuilt, startNextServer } from "../../lib/next-app";
import { createBenchTenants, openPlatformDb, type PlatformDb } from "../../lib/platform-db";
import { RssSampler } from "../../lib/processes";
import { PORTS } from "../../lib/sizes";

const BARE_PATH = "/api/bench/bare-lead";
const LEAD_PATH = "/api/lead";

function leadBody(counter: { n: number }, runId: string): () => string {
  return () => {
    const k = counter.n++;
    return JSON.stringify({ name: `Bench Visitor ${k}`, email: `visitor${k}-${runId}@bench.example`, message: "I would like to see this home on Saturday." });
  };
}

/** Every event id a 202 answered must be a job in the queue of that tenant. */
async function missingFromQueue(p: PlatformDb, tenantId: string, eventIds: string[]): Promise<number> {
  const r = await p.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "IngestionJob" WHERE "tenantId" = $1::uuid AND "eventId" = ANY($2::text[])`, [
    tenantId,
    eventIds,
  ]);
  return eventIds.length - Number(r.rows[0]!.n);
}

function describe(r: LoadResult): string {
  return `${fmt(r.okPerSecond)} accepted/s, p50 ${fmt(r.p50Ms, 1)} ms, p99 ${fmt(r.p99Ms, 1)} ms, statuses ${JSON.stringify(r.statusCounts)}, socket errors ${r.errors}`;
}

/** The bare handler, then the real endpoint, each warmed up and loaded the same way. */
async function loadBoth(port: number, host: string, ctx: BenchContext): Promise<{ bare: LoadResult; lead: LoadResult; accepted: string[] }> {
  const counter = { n: 0 };
  const common = { port, host, method: "POST" as const, body: leadBody(counter, ctx.runId) };
  const seconds = ctx.sizes.leadLoadSeconds;
  const connections = ctx.sizes.httpConnections;
  await warmUp({ ...common, path: BARE_PATH });
  const bare = await runLoad({ ...common, path: BARE_PATH, connections, seconds });
  log(`bare handler: ${describe(bare)}`);
  await warmUp({ ...common, path: LEAD_PATH });
  const accepted: string[] = [];
  const lead = await runLoad({
    ...common,
    path: LEAD_PATH,
    connections,
    seconds,
    onResponse: (status, body) => {
      if (status === 202) accepted.push((JSON.parse(body) as { eventId: string }).eventId);
    },
  });
  log(`POST ${LEAD_PATH}: ${describe(lead)}`);
  return { bare, lead, accepted };
}

export async function runLeadEndpointScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  ensureBuilt("web", { rebuild: ctx.args.rebuild, requiredFiles: ["app/api/lead/route.ts", "app/api/bench/bare-lead/route.bench.ts"] });
  const p = await openPlatformDb("lead_endpoint");
  try {
    const [tenant] = await createBenchTenants(p.db, [`lead-${ctx.runId}`]);
    const host = tenant!.webHost;
    const server = await startNextServer({
      app: "web",
      port: PORTS.web,
      databaseUrl: p.url,
      // The limiter stays in the measured path; only its budget is raised for the run.
      env: { BENCH_ROUTES: "1", WEB_RATE_LIMIT_PER_MINUTE: "100000000", DB_POOL_SIZE: "10" },
      probeHost: host,
      probePath: "/",
    });
    const rss = new RssSampler(server.pid).start();
    rss.markIdle();
    try {
      const probe = await httpRequest({ port: server.port, host, path: BARE_PATH, method: "POST", body: leadBody({ n: 0 }, "probe")() });
      if (probe.status !== 202) throw new SkipError(`${BARE_PATH} answered ${probe.status} (not in this build?)`);
      const connections = ctx.sizes.httpConnections;
      const { bare, lead, accepted } = await loadBoth(server.port, host, ctx);
      const missing = await missingFromQueue(p, tenant!.tenantId, accepted);
      const failures = lead.non2xx + lead.errors + lead.timeouts;
      log(`${fmt(accepted.length)} answered 202; missing from the queue: ${missing}; errors: ${failures}`);
      const memory = rss.stop();
      const label = `bare handler, same app`;
      return {
        scenario: "lead-endpoint",
        figures: [
          figure({
            scenario: "lead-endpoint",
            name: `POST /api/lead accepted, ${connections} connections`,
            unit: "req/s",
            better: "higher",
            value: lead.okPerSecond,
            baseline: { label, value: bare.okPerSecond },
            goal: { text: ">= 0.7 x bare", ratioAtLeast: 0.7 },
          }),
          figure({
            scenario: "lead-endpoint",
            name: "POST /api/lead p50",
            unit: "ms",
            better: "lower",
            value: lead.p50Ms,
            baseline: { label, value: bare.p50Ms },
          }),
          figure({
            scenario: "lead-endpoint",
            name: "POST /api/lead p99",
            unit: "ms",
            better: "lower",
            value: lead.p99Ms,
            baseline: { label, value: bare.p99Ms },
          }),
          figure({
            scenario: "lead-endpoint",
            name: "errors (non-2xx, socket, timeouts)",
            unit: "",
            better: "lower",
            value: failures,
            goal: { text: "= 0", valueEquals: 0 },
          }),
          figure({
            scenario: "lead-endpoint",
            name: "202 answers missing from the queue",
            unit: "",
            better: "lower",
            value: missing,
            goal: { text: "= 0", valueEquals: 0 },
            note: `${accepted.length} accepted`,
          }),
          figure({
            scenario: "memory",
            name: "web app peak RSS (scenario 3, lead endpoint)",
            unit: "MB",
            better: "lower",
            value: memory.peakMb,
            baseline: { label: "web app RSS idle after start", value: memory.idleMb },
          }),
        ],
        details: { connections, seconds: ctx.sizes.leadLoadSeconds, bare, lead, accepted: accepted.length, missing, webRss: memory },
      };
    } finally {
      rss.stop();
      await server.stop();
    }
  } finally {
    await p.close();
  }
}
