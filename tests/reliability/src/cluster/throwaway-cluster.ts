// A PostgreSQL cluster of our own for fault tests: initdb in a temporary folder, its own port in
// 55400-55499, stopped and deleted at the end. The shared server on 5432 is never touched.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { postgresBinaries, serverUser } from "@real-estate/db/embedded";

const PORT_RANGE = [55400, 55499] as const;

/** The server binaries: PG_BIN, else the embedded PostgreSQL's (the platform's one engine), else the system's. */
export function findPgBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, "initdb"))) return fromEnv;
  try {
    return path.dirname(postgresBinaries().postgres);
  } catch {
    // no embedded binaries for this platform: look for a system installation
  }
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, "bin", "initdb"))) return path.join(root, v, "bin");
  throw new Error("no PostgreSQL server binaries found (set PG_BIN)");
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function pickPort(): Promise<number> {
  const start = PORT_RANGE[0] + Math.floor(Math.random() * (PORT_RANGE[1] - PORT_RANGE[0]));
  for (let i = 0; i <= PORT_RANGE[1] - PORT_RANGE[0]; i++) {
    const port = PORT_RANGE[0] + ((start - PORT_RANGE[0] + i) % (PORT_RANGE[1] - PORT_RANGE[0] + 1));
    if (await portIsFree(port)) return port;
  }
  throw new Error("no free port in 55400-55499 for the throw-away cluster");
}

/** initdb and postgres refuse to run as root: run them as the embedded server's system user then. */
function asServerUser(bin: string, args: string[]): [string, string[]] {
  const user = serverUser();
  if (!user) return [bin, args];
  return ["runuser", ["-u", user.name, "--", bin, ...args]];
}

function runAsync(bin: string, args: string[], timeoutMs = 120_000): Promise<string> {
  const [cmd, argv] = asServerUser(bin, args);
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { encoding: "utf8", timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(bin)} ${args.join(" ")} failed: ${stderr || stdout || error.message}`));
      else resolve(stdout);
    });
  });
}

function run(bin: string, args: string[], timeoutMs = 120_000): string {
  const [cmd, argv] = asServerUser(bin, args);
  const r = spawnSync(cmd, argv, { encoding: "utf8", timeout: timeoutMs });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(" ")} failed: ${r.stderr || r.stdout || r.error?.message}`);
  return r.stdout;
}

export type BackendFilter = {
  database?: string;
  /** Only backends inside a transaction (xact_start set): "mid-transaction". */
  inTransaction?: boolean;
  /** Only connections with this application_name (e.g. the worker's). */
  applicationName?: string;
  /** Spare connections with this application_name (the test's own checks). */
  exceptApplicationName?: string;
};

export type ThrowawayCluster = {
  port: number;
  /** Superuser URL of the cluster's postgres database. */
  url: string;
  dataDir: string;
  /** `pg_ctl restart -m immediate` (a crash: no checkpoint, recovery from WAL on start). */
  restartImmediate: () => Promise<void>;
  /** `pg_ctl stop -m immediate`; `start` brings it back. */
  stopImmediate: () => Promise<void>;
  start: () => Promise<void>;
  /** Terminates matching backends (not our own admin connection); returns how many. */
  terminateBackends: (filter: BackendFilter) => Promise<number>;
  isUp: () => Promise<boolean>;
  destroy: () => Promise<void>;
};

async function waitUntilUp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await c.connect();
      await c.query("SELECT 1");
      await c.end();
      return;
    } catch (error) {
      last = error;
      await c.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`throw-away cluster did not come up: ${(last as Error)?.message}`);
}

/** Creates and starts a throw-away cluster. Call destroy() in afterAll. */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = findPgBin();
  const port = await pickPort();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "re-pg-"));
  const dataDir = path.join(base, "data");
  fs.mkdirSync(dataDir, { mode: 0o700 });
  const user = serverUser();
  if (user) execFileSync("chown", ["-R", `${user.uid}:${user.gid}`, base]);
  fs.chmodSync(base, 0o755);
  run(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const conf = [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${base}'`,
    "max_connections = 200",
    "fsync = off", // a process crash keeps the OS cache: durability across restart -m immediate still holds
    "full_page_writes = off",
    "shared_buffers = 64MB",
    "log_min_messages = warning",
  ].join("\n");
  fs.appendFileSync(path.join(dataDir, "postgresql.conf"), `\n${conf}\n`);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const ctlArgs = (args: string[]) => ["-D", dataDir, "-l", path.join(base, "server.log"), "-w", "-t", "60", ...args];
  const pgCtl = (args: string[]) => runAsync(path.join(bin, "pg_ctl"), ctlArgs(args));
  const start = async () => {
    await pgCtl(["start"]);
    await waitUntilUp(url, 60_000);
  };
  await start();
  let destroyed = false;
  // A run killed mid-way leaves no server behind.
  process.once("exit", () => {
    if (!destroyed) spawnSync(...asServerUser(path.join(bin, "pg_ctl"), ctlArgs(["stop", "-m", "immediate"])));
  });
  return {
    port,
    url,
    dataDir,
    start,
    stopImmediate: async () => void (await pgCtl(["stop", "-m", "immediate"])),
    restartImmediate: async () => {
      await pgCtl(["restart", "-m", "immediate"]);
      await waitUntilUp(url, 60_000);
    },
    isUp: async () => {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
      try {
        await c.connect();
        return true;
      } catch {
        return false;
      } finally {
        await c.end().catch(() => {});
      }
    },
    terminateBackends: async (filter) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const r = await c.query(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'
              AND ($1::text IS NULL OR datname = $1) AND (NOT $2::boolean OR xact_start IS NOT NULL)
              AND ($3::text IS NULL OR application_name IS DISTINCT FROM $3) AND ($4::text IS NULL OR application_name = $4)`,
          [filter.database ?? null, filter.inTransaction ?? false, filter.exceptApplicationName ?? null, filter.applicationName ?? null],
        );
        return r.rows[0].n as number;
      } finally {
        await c.end();
      }
    },
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      try {
        run(path.join(bin, "pg_ctl"), ctlArgs(["stop", "-m", "immediate"]));
      } catch {
        // already stopped
      }
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
