import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the platform's database is, decided once per process from the environment. */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  /** Embedded PostgreSQL served on loopback by `npm start` (several processes share it). */
  | { kind: "embedded-server"; url: string; dataDir: string }
  /** Embedded PostgreSQL opened inside this process (a standalone script, no server running). */
  | { kind: "embedded-inprocess"; dataDir: string };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The embedded database's folder: `.data/pglite` at the repository root, or EMBEDDED_DATA_DIR. */
export function embeddedDataDir(): string {
  return process.env.EMBEDDED_DATA_DIR ?? path.join(repoRoot, ".data", "pglite");
}

/** File the embedded server writes while it runs: `{ "port": 54329, "pid": 123 }`. */
export function embeddedServerInfoPath(dataDir = embeddedDataDir()): string {
  return path.join(path.dirname(dataDir), "embedded-server.json");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function embeddedServerUrl(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

export function resolveDatabase(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const dataDir = embeddedDataDir();
  const infoPath = embeddedServerInfoPath(dataDir);
  if (fs.existsSync(infoPath)) {
    try {
      const info = JSON.parse(fs.readFileSync(infoPath, "utf8")) as { port: number; pid: number };
      if (isAlive(info.pid)) return { kind: "embedded-server", url: embeddedServerUrl(info.port), dataDir };
    } catch {
      // A torn or stale file means no server: fall through to in-process.
    }
  }
  return { kind: "embedded-inprocess", dataDir };
}

/** A connection string for humans and logs, with any password removed. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded-inprocess") return `embedded PostgreSQL (in-process, ${target.dataDir})`;
  const u = new URL(target.url);
  u.password = "";
  const where = `${u.hostname}:${u.port || 5432}${u.pathname}`;
  return target.kind === "embedded-server" ? `embedded PostgreSQL (${where})` : `PostgreSQL ${where}`;
}
