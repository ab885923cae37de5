// Interleaved A/B of the CRM's lead lists on a busy machine: two CRM servers of the same build on
// one database (the crm-leads scenario's seeding, 2 tenants x 50,000 leads), one started with
// CRM_API_READ_BESIDE_COUNT=off (decision 0120); each round sends the same request to both, one
// after the other, the order flipped every round, so both meet the same moments of the machine's
// load. Prints API p50 / p90 / p99 per list and in how many rounds "on" answered sooner.
//
//   BENCH_LOCK_WAIT=1 AB_ROUNDS=300 npx tsx bench/src/tools/crm-leads-ab.ts
import { createApiKey } from "@real-estate/crm";
import { acquireBenchRun } from "../lib/databases";
import { httpRequest } from "../lib/http";
import { ensureBuilt, startNextServer } from "../lib/next-app";
import { createBenchTenants, openPlatformDb } from "../lib/platform-db";
import { percentile } from "../lib/stats";
import { querySpecs } from "../scenarios/crm-leads/query-specs";
import { seedTenantLeads, withoutSecondaryIndexes } from "../scenarios/crm-leads/seed-leads";

const ROUNDS = Number(process.env.AB_ROUNDS ?? 300);
const release = await acquireBenchRun();
import os from "node:os";
const load = () => os.loadavg()[0]!.toFixed(2);
console.log(`start ${new Date().toISOString()} load ${load()}`);
ensureBuilt("crm", { rebuild: false });
const p = await openPlatformDb("crm_ab");
try {
  const fixtures = await createBenchTenants(
    p.db,
    ["aba", "abb"].map((s) => `${s}-${process.pid}`),
  );
  const restore = await withoutSecondaryIndexes(p.pool, ["Lead", "Contact"]);
  const tenants = [];
  for (const f of fixtures) tenants.push({ ...(await seedTenantLeads(p.pool, f.tenantId, 50_000)), host: f.crmHost, key: "" });
  await restore();
  for (const t of tenants)
    t.key = (await createApiKey({ tenantId: t.tenantId, name: "ab", createdByUserId: "bench", rateLimitPerMinute: 100_000, db: p.db })).key;
  await p.pool.query(`VACUUM ANALYZE "Lead"`);
  await p.pool.query(`VACUUM ANALYZE "Contact"`);
  const common = { app: "crm" as const, databaseUrl: p.url, probeHost: tenants[0]!.host, probePath: "/api/leads?limit=1" };
  const off = await startNextServer({ ...common, port: 24301, env: { DB_POOL_SIZE: "10", CRM_API_READ_BESIDE_COUNT: "off" } });
  const on = await startNextServer({ ...common, port: 24302, env: { DB_POOL_SIZE: "10" } });
  try {
    const specs = querySpecs(5).filter((s) => !s.deepPages);
    const get = async (port: number, host: string, key: string, path: string) => {
      const t0 = performance.now();
      const r = await httpRequest({ port, host, path, headers: { authorization: `Bearer ${key}` } });
      if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
      return performance.now() - t0;
    };
    for (const spec of specs) {
      const ms = { off: [] as number[], on: [] as number[] };
      for (let i = 0; i < ROUNDS + 10; i++) {
        const t = tenants[i % tenants.length]!;
        const path = `/api/leads?${spec.query(t)}`;
        const order = i % 2 === 0 ? (["off", "on"] as const) : (["on", "off"] as const);
        for (const side of order) {
          const v = await get(side === "off" ? off.port : on.port, t.host, t.key, path);
          if (i >= 10) ms[side].push(v);
        }
      }
      const sum = (xs: number[]) => ({ p50: percentile(xs, 50)!, p90: percentile(xs, 90)!, p99: percentile(xs, 99)! });
      const a = sum(ms.off);
      const b = sum(ms.on);
      let onFaster = 0;
      for (let i = 0; i < ms.off.length; i++) if (ms.on[i]! < ms.off[i]!) onFaster++;
      console.log(
        `${spec.name}: off p50 ${a.p50.toFixed(2)} p90 ${a.p90.toFixed(2)} p99 ${a.p99.toFixed(2)} | on p50 ${b.p50.toFixed(2)} p90 ${b.p90.toFixed(2)} p99 ${b.p99.toFixed(2)} | on faster in ${onFaster} of ${ms.off.length} rounds | load ${load()}`,
      );
    }
  } finally {
    await off.stop();
    await on.stop();
  }
} finally {
  await p.close();
  await release();
}
console.log(`end ${new Date().toISOString()} load ${load()}`);
