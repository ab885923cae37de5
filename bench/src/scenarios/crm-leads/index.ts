import { createApiKey } from "@real-estate/crm";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type Figure, type ScenarioResult } from "../../lib/figures";
import { httpRequest } from "../../lib/http";
import { ensureBuilt, startNextServer, type NextServer } from "../../lib/next-app";
import { createBenchTenants, openPlatformDb } from "../../lib/platform-db";
import { RssSampler, treeCpuMs } from "../../lib/processes";
import { PORTS } from "../../lib/sizes";
import { summarize } from "../../lib/stats";
import { replay, SqlRecorder, type CapturedStatement } from "./capture-sql";
import { explainStatements } from "./explain";
import { querySpecs, type QuerySpec } from "./query-specs";
import { seedTenantLeads, withoutSecondaryIndexes, type SeededTenant } from "./seed-leads";

/** Longest a query kind is sampled for, once it has 20 samples. */
const SPEC_SECONDS = 15;

type Tenant = SeededTenant & { host: string; key: string };

async function getJson(server: NextServer, t: Tenant, path: string): Promise<{ ms: number; body: { items: unknown[]; nextCursor: string | null } }> {
  const started = performance.now();
  const r = await httpRequest({ port: server.port, host: t.host, path, headers: { authorization: `Bearer ${t.key}` } });
  const ms = performance.now() - started;
  if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${r.body.slice(0, 300)}`);
  return { ms, body: JSON.parse(r.body) as { items: unknown[]; nextCursor: string | null } };
}

/** The request path for a spec, walking the API's own nextCursor for deep pages. */
async function pathFor(server: NextServer, t: Tenant, spec: QuerySpec): Promise<string> {
  const params = spec.query(t);
  for (let i = 0; i < (spec.deepPages ?? 0); i++) {
    const page = await getJson(server, t, `/api/leads?${params}`);
    if (!page.body.nextCursor) break;
    params.set("cursor", page.body.nextCursor);
  }
  return `/api/leads?${params}`;
}

async function seed(ctx: BenchContext, p: Awaited<ReturnType<typeof openPlatformDb>>): Promise<Tenant[]> {
  const fixtures = await createBenchTenants(
    p.db,
    Array.from({ length: ctx.sizes.crmTenants }, (_, i) => `crm${i}-${ctx.runId}`),
  );
  const tenants: Tenant[] = [];
  const started = performance.now();
  const restoreIndexes = await withoutSecondaryIndexes(p.pool, ["Lead", "Contact"]);
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      for (let i = next++; i < fixtures.length; i = next++) {
        const f = fixtures[i]!;
        const seeded = await seedTenantLeads(p.pool, f.tenantId, ctx.sizes.crmLeadsPerTenant);
        tenants[i] = { ...seeded, host: f.crmHost, key: "" };
      }
    }),
  );
  await restoreIndexes();
  // An integration reading this much raises its key's limit (an owner may set up to 100,000 a
  // minute); the default 600 a minute would answer 429 within the full run's first minute. Each
  // request still counts against the limit, so its cost stays in the figures.
  for (const t of tenants) {
    t.key = (await createApiKey({ tenantId: t.tenantId, name: "bench", createdByUserId: "bench", rateLimitPerMinute: 100_000, db: p.db })).key;
  }
  await p.pool.query(`VACUUM ANALYZE "Lead"`);
  await p.pool.query(`VACUUM ANALYZE "Contact"`);
  log(`seeded ${fmt(tenants.length)} tenants x ${fmt(ctx.sizes.crmLeadsPerTenant)} leads in ${fmt((performance.now() - started) / 1000, 1)} s`);
  return tenants;
}

type SpecInput = { ctx: BenchContext; server: NextServer; recorder: SqlRecorder; pool: import("pg").Pool; spec: QuerySpec; tenants: Tenant[] };

/** One query kind: API latency (sequential, tenants in turn) against the same SQL replayed through pg. */
async function measureSpec({ ctx, server, recorder, pool, spec, tenants }: SpecInput): Promise<{ figure: Figure; details: Record<string, unknown> }> {
  const paths: string[] = [];
  const statements: CapturedStatement[][] = [];
  for (const t of tenants) {
    paths.push(await pathFor(server, t, spec));
    const cursor = spec.deepPages ? await recorder.walk({ tenantId: t.tenantId, filters: spec.filters(t), pages: spec.deepPages, limit: 100 }) : undefined;
    statements.push(await recorder.capture({ tenantId: t.tenantId, filters: spec.filters(t), cursor, limit: spec.limit }));
  }
  for (let i = 0; i < tenants.length * 2; i++) await getJson(server, tenants[i % tenants.length]!, paths[i % tenants.length]!);
  const http: number[] = [];
  const raw: number[] = [];
  let serverCpuMs = 0;
  // Bounded by count and by time (slow queries get fewer samples, never fewer than 20).
  const until = performance.now() + SPEC_SECONDS * 1000;
  for (let i = 0; i < ctx.sizes.crmRequestsPerQuery && (i < 20 || performance.now() < until); i++) {
    const k = i % tenants.length;
    const cpuBefore = treeCpuMs(server.pid);
    http.push((await getJson(server, tenants[k]!, paths[k]!)).ms);
    serverCpuMs += treeCpuMs(server.pid) - cpuBefore;
    raw.push(await replay(pool, statements[k]!));
  }
  // The server's CPU time per request (user + system), over the timed requests only.
  const h = { ...summarize(http), serverCpuMsPerRequest: serverCpuMs / http.length };
  const r = summarize(raw);
  const plans = await explainStatements(pool, statements[0]!);
  const slowest = plans.reduce((a, b) => ((b.executionMs ?? 0) > (a.executionMs ?? 0) ? b : a));
  log(
    `${spec.name}: API p50 ${fmt(h.p50, 1)} / p99 ${fmt(h.p99, 1)} ms (server CPU ${fmt(h.serverCpuMsPerRequest, 1)} ms a request); raw SQL (${statements[0]!.length} statements) p50 ${fmt(r.p50, 1)} / p99 ${fmt(r.p99, 1)} ms`,
  );
  log(`  slowest statement: ${slowest.table}, ${fmt(slowest.executionMs, 2)} ms: ${slowest.scans.join("; ")}`);
  return {
    details: { api: h, raw: r, statements: statements[0]!.length, sql: statements[0]!.map((st) => st.text), plans, tenants: tenants.length },
    figure: figure({
      scenario: "crm-leads",
      name: `GET /api/leads ${spec.name} p99`,
      unit: "ms",
      better: "lower",
      value: h.p99,
      baseline: { label: "same SQL through pg", value: r.p99 },
      goal: { text: "< 50 ms and <= 3 x raw", valueAtMost: 49.999, ratioAtMost: 3 },
      note: `p50 ${fmt(h.p50, 1)} ms (raw ${fmt(r.p50, 1)} ms), ${h.count} requests`,
    }),
  };
}

export async function runCrmLeadsScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  ensureBuilt("crm", { rebuild: ctx.args.rebuild, requiredFiles: ["app/api/leads/route.ts"] });
  const p = await openPlatformDb("crm_leads");
  const recorder = new SqlRecorder(p.url);
  try {
    const tenants = await seed(ctx, p);
    const server = await startNextServer({
      app: "crm",
      port: PORTS.crm,
      databaseUrl: p.url,
      env: { DB_POOL_SIZE: "10" },
      probeHost: tenants[0]!.host,
      probePath: "/api/leads?limit=1",
    });
    const rss = new RssSampler(server.pid).start();
    rss.markIdle();
    try {
      const figures: Figure[] = [];
      const details: Record<string, unknown> = {};
      const deepPages = ctx.args.quick ? 5 : 50;
      // Walking 50 pages to get there costs a request per page: one tenant for the deep pages.
      const deepTenants = tenants.slice(0, 1);
      for (const spec of querySpecs(deepPages)) {
        const measured = await measureSpec({ ctx, server, recorder, pool: p.pool, spec, tenants: spec.deepPages ? deepTenants : tenants });
        details[spec.name] = measured.details;
        figures.push(measured.figure);
      }
      const memory = rss.stop();
      figures.push(
        figure({
          scenario: "memory",
          name: "crm app peak RSS (scenario 5)",
          unit: "MB",
          better: "lower",
          value: memory.peakMb,
          baseline: { label: "crm app RSS idle after start", value: memory.idleMb },
        }),
      );
      return {
        scenario: "crm-leads",
        figures,
        details: {
          tenants: tenants.length,
          leadsPerTenant: ctx.sizes.crmLeadsPerTenant,
          requestsPerQuery: ctx.sizes.crmRequestsPerQuery,
          queries: details,
          crmRss: memory,
        },
      };
    } finally {
      rss.stop();
      await server.stop();
    }
  } finally {
    await recorder.close();
    await p.close();
  }
}
