import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the platform's database is, decided once per process from the environment. */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  /** The embedded PostgreSQL server, running (started by `npm start` or another command). */
  | { kind: "embedded-server"; url: string; dir: string }
  /** The embedded PostgreSQL server's folder, with no server running: a command must start it. */
  | { kind: "embedded-stopped"; dir: string };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * The embedded server's folder: `.data/postgres` at the repository root, or EMBEDDED_DATA_DIR.
 * It holds `pgdata/` (the cluster), `password`, `server.log` and, while a server runs,
 * `server.json`.
 */
export function embeddedDir(): string {
  // Kept a plain expression: the apps' bundler traces what a dynamic path.resolve could reach.
  return process.env.EMBEDDED_DATA_DIR || path.join(repoRoot, ".data", "postgres");
}

/** What a running embedded server records in `server.json` (mode 0600: the URL has the password). */
export type EmbeddedServerInfo = { url: string; port: number; ownerPid: number; postmasterPid: number };

export function embeddedServerInfoPath(dir = embeddedDir()): string {
  return path.join(dir, "server.json");
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return !isZombie(pid);
}

/**
 * A process that has exited but not been reaped still answers kill(pid, 0). A server whose
 * owner was killed is reparented to the machine's init, which may reap it late (or, in some
 * containers, never): on Linux, its state in /proc says it is gone.
 */
function isZombie(pid: number): boolean {
  if (process.platform !== "linux") return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/** The running embedded server of `dir`, or undefined (no file, torn file, or its processes gone). */
export function readEmbeddedServerInfo(dir = embeddedDir()): EmbeddedServerInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(embeddedServerInfoPath(dir), "utf8")) as EmbeddedServerInfo;
    return isProcessAlive(info.ownerPid) && isProcessAlive(info.postmasterPid) ? info : undefined;
  } catch {
    return undefined;
  }
}

export function resolveDatabase(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const dir = embeddedDir();
  const info = readEmbeddedServerInfo(dir);
  return info ? { kind: "embedded-server", url: info.url, dir } : { kind: "embedded-stopped", dir };
}

/** A connection string for humans and logs, with any password removed. */
export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded-stopped") return `embedded PostgreSQL (${path.relative(process.cwd(), target.dir) || "."}, not running)`;
  return target.kind === "embedded-server" ? `embedded PostgreSQL (${describeUrl(target.url)})` : `PostgreSQL ${describeUrl(target.url)}`;
}
