import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { benchPool, createBenchDatabase } from "../../lib/databases";
import { noopEvent, PEER_TENANT_ID } from "./payload";

const run = promisify(execFile);

export type PgbenchResult = { tps: number; clients: number; transactions: number; version: string };

/**
 * The physical limit for single enqueue: pgbench with the same 4 clients, each transaction one
 * autocommitted INSERT of the same event JSON into a bigserial-keyed table.
 */
export async function runPgbench(options: { clients: number; transactions: number }): Promise<PgbenchResult> {
  const database = await createBenchDatabase("pgbench", { migrated: false });
  const scriptPath = path.join(os.tmpdir(), `re-bench-pgbench-${process.pid}.sql`);
  try {
    const pool = benchPool(database.url, 1);
    await pool.query("CREATE TABLE insert_only (id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
    await pool.end();
    const literal = JSON.stringify(noopEvent(PEER_TENANT_ID, 1, "pgbench")).replace(/'/g, "''");
    fs.writeFileSync(scriptPath, `INSERT INTO insert_only (payload) VALUES ('${literal}');\n`);
    const url = new URL(database.url);
    const perClient = Math.max(1, Math.round(options.transactions / options.clients));
    const args = [
      "-n",
      "-c",
      String(options.clients),
      "-j",
      String(Math.min(options.clients, os.cpus().length)),
      "-t",
      String(perClient),
      "-f",
      scriptPath,
      "-h",
      url.hostname,
      "-p",
      url.port || "5432",
      "-U",
      decodeURIComponent(url.username || "postgres"),
      url.pathname.slice(1),
    ];
    const env = { ...process.env, ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}) };
    const { stdout } = await run(process.env.PGBENCH ?? "pgbench", args, { env, timeout: 180_000 });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ?? /tps = ([\d.]+)/.exec(stdout);
    if (!tps) throw new Error(`could not read tps from pgbench output:\n${stdout}`);
    const version = (await run(process.env.PGBENCH ?? "pgbench", ["--version"])).stdout.trim();
    return { tps: Number(tps[1]), clients: options.clients, transactions: perClient * options.clients, version };
  } finally {
    fs.rmSync(scriptPath, { force: true });
    await database.drop();
  }
}
