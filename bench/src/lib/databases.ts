// The bench's own databases: every name starts with re_bench_, each scenario creates what it
// needs and drops it when done, and nothing else on the server is touched.
import crypto from "node:crypto";
import pg from "pg";
import { ensureTemplateDatabase, testAdminUrl, withDatabase } from "@real-estate/db/testing";

export const BENCH_DB_PREFIX = "re_bench_";
const RUN_LOCK_KEY = 727_275;

export function adminUrl(): string {
  const url = process.env.BENCH_DATABASE_URL?.trim();
  if (url) process.env.TEST_DATABASE_URL = url;
  return testAdminUrl();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), application_name: "re-bench-admin" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const live = new Set<string>();

export type BenchDatabase = { name: string; url: string; drop: () => Promise<void> };

/**
 * A new database named re_bench_<label>_<random>. `migrated` clones the platform's migrated
 * template (the test harness's); otherwise it is empty (for the peer queues and pgbench).
 */
export async function createBenchDatabase(label: string, options: { migrated: boolean }): Promise<BenchDatabase> {
  const safe = label
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase()
    .slice(0, 24);
  const name = `${BENCH_DB_PREFIX}${safe}_${crypto.randomBytes(3).toString("hex")}`;
  const template = options.migrated ? await ensureTemplateDatabase() : "template0";
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  live.add(name);
  const url = withDatabase(adminUrl(), name);
  return { name, url, drop: () => dropBenchDatabase(name) };
}

export async function dropBenchDatabase(name: string): Promise<void> {
  if (!name.startsWith(BENCH_DB_PREFIX)) throw new Error(`refusing to drop ${name}: not a bench database`);
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  live.delete(name);
}

/** Drops whatever this process created and has not dropped yet (interrupted runs). */
export async function dropLiveBenchDatabases(): Promise<void> {
  for (const name of [...live]) await dropBenchDatabase(name).catch(() => undefined);
}

/**
 * Holds a session advisory lock for the whole run so two bench runs never overlap (they would
 * measure each other), and drops re_bench_ databases a killed earlier run left behind.
 * Returns the release function.
 */
export async function acquireBenchRun(): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: adminUrl(), application_name: "re-bench-lock" });
  // If the server ends this session the lock is gone; the run itself goes on.
  client.on("error", (error) => console.log(`  (the bench lock connection was closed by the server: ${error.message})`));
  await client.connect();
  let got = (await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [RUN_LOCK_KEY])).rows[0]?.ok === true;
  // BENCH_LOCK_WAIT=1: wait in the lock's queue (first come, first served) instead of failing.
  if (!got && process.env.BENCH_LOCK_WAIT === "1") {
    console.log("bench: another bench run holds the bench lock; waiting in its queue (BENCH_LOCK_WAIT=1)");
    await client.query("SELECT pg_advisory_lock($1)", [RUN_LOCK_KEY]);
    got = true;
  }
  if (!got) {
    await client.end();
    throw new Error("another bench run holds the bench lock; wait for it to finish");
  }
  const stale = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${BENCH_DB_PREFIX.replace(/_/g, "\\_")}%`]);
  for (const r of stale.rows) await client.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  return async () => {
    await client.query("SELECT pg_advisory_unlock($1)", [RUN_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  };
}

/**
 * A small pg pool on a bench database, for setup and checks. An idle connection that the server
 * ends (someone else on this shared server terminating backends, a database dropped) is logged
 * and replaced, not an unhandled 'error' event that kills the whole run.
 */
export function benchPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: "re-bench" });
  pool.on("error", (error) => console.log(`  (an idle bench connection was closed by the server: ${error.message})`));
  return pool;
}
