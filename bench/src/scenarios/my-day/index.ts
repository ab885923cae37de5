// "My day" (the page and its API) and the task API at 10 tenants x 100,000 tasks, each against the
// same query called in-process on the same database: what HTTP, sign-in and rendering add.
import { createStaffAccount } from "@real-estate/auth";
import { createApiKey, getMyDay, listTasks } from "@real-estate/crm";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type Figure, type ScenarioResult } from "../../lib/figures";
import { httpRequest } from "../../lib/http";
import { ensureBuilt, startNextServer, type NextServer } from "../../lib/next-app";
import { createBenchTenants, openPlatformDb, type PlatformDb } from "../../lib/platform-db";
import { treeCpuMs } from "../../lib/processes";
import { PORTS } from "../../lib/sizes";
import { summarize, type LatencySummary } from "../../lib/stats";
import { seedTenantLeads, withoutSecondaryIndexes } from "../crm-leads/seed-leads";
import pg from "pg";

type Tenant = { tenantId: string; host: string; membershipId: string; email: string; key: string; cookie: string };

const PASSWORD = "bench-agent-password-7Qx";

/**
 * `tasks` tasks for one tenant, set-based: on the tenant's seeded contacts, spread over its members
 * (the signed-in agent first), due from 60 days ago to 60 days ahead, about 60 % of them done.
 */
async function seedTasks(pool: pg.Pool, tenantId: string, memberships: string[], tasks: number, contacts: number): Promise<void> {
  await pool.query(
    `INSERT INTO "Task" ("tenantId", id, "contactId", kind, title, "dueAt", "assignedMembershipId", "completedAt", "createdAt", "updatedAt")
     SELECT $1::uuid, gen_random_uuid(), md5($1::text || ':c:' || (1 + g % $3::int))::uuid,
            (ARRAY['CALL','EMAIL','TEXT','SHOWING','OTHER'])[1 + g % 5]::"TaskKind", 'Follow up ' || g, due,
            ($4::uuid[])[1 + g % array_length($4::uuid[], 1)], CASE WHEN g % 5 < 3 THEN due ELSE NULL END, due - interval '1 day', now()
       FROM (SELECT g, now() + (((g * 7919) % 172800) - 86400) * interval '1 minute' AS due FROM generate_series(1, $2::int) AS g) AS s`,
    [tenantId, tasks, contacts, memberships],
  );
}

async function signIn(server: NextServer, host: string, email: string): Promise<string> {
  const r = await httpRequest({
    port: server.port,
    host,
    path: "/api/auth/sign-in/email",
    method: "POST",
    headers: { origin: `http://${host}` },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookies = ([] as string[]).concat(r.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!);
  if (r.status !== 200 || cookies.length === 0) throw new Error(`sign-in on ${host} answered ${r.status}: ${r.body.slice(0, 200)}`);
  return cookies.join("; ");
}

async function seed(ctx: BenchContext, p: PlatformDb, tasksPerTenant: number): Promise<Tenant[]> {
  const fixtures = await createBenchTenants(
    p.db,
    Array.from({ length: ctx.args.quick ? 2 : 10 }, (_, i) => `myday${i}-${ctx.runId}`),
  );
  const started = performance.now();
  const restore = await withoutSecondaryIndexes(p.pool, ["Task", "Lead", "Contact"]);
  // The generated rows reference only rows generated before them, so the bulk load skips the
  // per-row foreign-key triggers (replica role, this connection only): 2.5 x faster at 10 x 100,000.
  const bulk = new pg.Pool({ connectionString: p.url, max: 1, options: "-c session_replication_role=replica", application_name: "re-bench" });
  bulk.on("error", (error) => log(`(the bulk-load connection was closed by the server: ${error.message})`));
  const tenants: Tenant[] = [];
  try {
    for (const [i, f] of fixtures.entries()) {
      const email = `agent${i}.${ctx.runId}@bench.example`;
      const account = await createStaffAccount({ name: `Agent ${i}`, email, password: PASSWORD, db: p.db });
      if (!account.ok) throw new Error(account.message);
      const me = await p.db.tenantMembership.create({ data: { tenantId: f.tenantId, userId: account.userId, role: "AGENT" } });
      const seeded = await seedTenantLeads(bulk, f.tenantId, 20_000);
      await seedTasks(bulk, f.tenantId, [me.id, ...seeded.memberships], tasksPerTenant, 10_000);
      const key = (await createApiKey({ tenantId: f.tenantId, name: "bench", createdByUserId: account.userId, db: p.db })).key;
      tenants.push({ tenantId: f.tenantId, host: f.crmHost, membershipId: me.id, email, key, cookie: "" });
      log(`seeded tenant ${i + 1} of ${fixtures.length}: ${fmt(tasksPerTenant)} tasks (${fmt((performance.now() - started) / 1000, 1)} s)`);
    }
  } finally {
    await bulk.end();
  }
  await restore();
  await p.pool.query(`VACUUM ANALYZE "Task", "Lead", "Contact"`);
  log(`seeded ${fixtures.length} tenants with indexes in ${fmt((performance.now() - started) / 1000, 1)} s`);
  return tenants;
}

/** Sequential requests, tenants in turn, after a warm-up round; every answer must be 200. */
async function timeRequests(server: NextServer, tenants: Tenant[], count: number, request: (t: Tenant) => { path: string; headers: Record<string, string> }) {
  const ms: number[] = [];
  let cpuBefore = 0;
  for (let i = -tenants.length * 2; i < count; i++) {
    const t = tenants[((i % tenants.length) + tenants.length) % tenants.length]!;
    const { path, headers } = request(t);
    if (i === 0) cpuBefore = treeCpuMs(server.pid);
    const started = performance.now();
    const r = await httpRequest({ port: server.port, host: t.host, path, headers });
    const took = performance.now() - started;
    if (r.status !== 200) throw new Error(`GET ${path} on ${t.host} answered ${r.status}: ${r.body.slice(0, 200)}`);
    if (i >= 0) ms.push(took);
  }
  // The server's CPU time per request (user + system), measured over the timed requests.
  return { ...summarize(ms), serverCpuMsPerRequest: (treeCpuMs(server.pid) - cpuBefore) / count };
}

async function timeDirect(tenants: Tenant[], count: number, call: (t: Tenant) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = -tenants.length; i < count; i++) {
    const t = tenants[((i % tenants.length) + tenants.length) % tenants.length]!;
    const started = performance.now();
    await call(t);
    if (i >= 0) ms.push(performance.now() - started);
  }
  return summarize(ms);
}

function p99Figure(name: string, http: LatencySummary, direct: LatencySummary, directLabel: string): Figure {
  return figure({
    scenario: "my-day",
    name,
    unit: "ms",
    better: "lower",
    value: http.p99,
    baseline: { label: directLabel, value: direct.p99 },
    goal: { text: "< 50 ms", valueAtMost: 49.999 },
    note: `p50 ${fmt(http.p50, 1)} ms (in-process ${fmt(direct.p50, 1)} ms), ${http.count} requests`,
  });
}

export async function runMyDayScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  ensureBuilt("crm", { rebuild: ctx.args.rebuild, requiredFiles: ["app/(app)/my-day/page.tsx", "app/api/my-day/route.ts"] });
  const tasksPerTenant = ctx.args.quick ? 20_000 : 100_000;
  const requests = ctx.args.quick ? 40 : 200;
  const p = await openPlatformDb("my_day", { poolSize: 4 });
  try {
    const tenants = await seed(ctx, p, tasksPerTenant);
    const server = await startNextServer({
      app: "crm",
      port: PORTS.crm,
      databaseUrl: p.url,
      env: { DB_POOL_SIZE: "10" },
      probeHost: tenants[0]!.host,
      probePath: "/api/tasks?limit=1",
    });
    try {
      for (const t of tenants) t.cookie = await signIn(server, t.host, t.email);
      const session = (path: string) => (t: Tenant) => ({ path, headers: { cookie: t.cookie } });
      const page = await timeRequests(server, tenants, requests, session("/my-day"));
      const api = await timeRequests(server, tenants, requests, session("/api/my-day"));
      const tasks = await timeRequests(server, tenants, requests, (t) => ({
        path: `/api/tasks?assignedTo=${t.membershipId}&limit=50`,
        headers: { authorization: `Bearer ${t.key}` },
      }));
      const myDayDirect = await timeDirect(tenants, requests, (t) => getMyDay({ tenantId: t.tenantId, membershipId: t.membershipId, db: p.db }));
      const tasksDirect = await timeDirect(tenants, requests, (t) =>
        listTasks({ tenantId: t.tenantId, filters: { assignedTo: [t.membershipId] }, limit: 50, db: p.db }),
      );
      log(`"My day" page p99 ${fmt(page.p99, 1)} ms, /api/my-day p99 ${fmt(api.p99, 1)} ms, getMyDay in-process p99 ${fmt(myDayDirect.p99, 1)} ms`);
      log(`/api/tasks p99 ${fmt(tasks.p99, 1)} ms, listTasks in-process p99 ${fmt(tasksDirect.p99, 1)} ms`);
      log(
        `server CPU per request: page ${fmt(page.serverCpuMsPerRequest, 1)} ms, /api/my-day ${fmt(api.serverCpuMsPerRequest, 1)} ms, /api/tasks ${fmt(tasks.serverCpuMsPerRequest, 1)} ms`,
      );
      const scale = `${tenants.length} tenants x ${fmt(tasksPerTenant)} tasks`;
      return {
        scenario: "my-day",
        figures: [
          p99Figure(`"My day" page p99, ${scale}`, page, myDayDirect, "getMyDay in-process p99"),
          p99Figure(`/api/my-day p99, ${scale}`, api, myDayDirect, "getMyDay in-process p99"),
          p99Figure(`/api/tasks (one agent's open tasks) p99, ${scale}`, tasks, tasksDirect, "listTasks in-process p99"),
        ],
        details: { tenants: tenants.length, tasksPerTenant, requests, page, api, tasks, myDayDirect, tasksDirect },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await p.close();
  }
}
