// A consistent copy of the embedded server's data folder, taken while it runs or not. The
// packages ship no pg_basebackup, so this does what it does with PostgreSQL's low-level backup
// API: pg_backup_start, copy the files, pg_backup_stop, write its backup_label into the copy and
// add the write-ahead log written meanwhile. Started from the copy, PostgreSQL replays that log
// to a consistent state. A stopped server's folder is copied as it is.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { embeddedDir, readEmbeddedServerInfo } from "../connection/resolve-database";

/** Not copied: runtime files of the running server, and log written during the copy (added after). */
const SKIP = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "pg_wal",
  "pg_replslot",
  "pg_stat_tmp",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_subtrans",
]);
/** Folders that must exist (empty) in the copy. */
const EMPTY_DIRS = [
  "pg_wal",
  "pg_wal/archive_status",
  "pg_wal/summaries",
  "pg_replslot",
  "pg_stat_tmp",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_subtrans",
];

export type BackupResult = { to: string; online: boolean; files: number; bytes: number };

function copyTree(from: string, to: string, top: boolean, counter: { files: number; bytes: number }): void {
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (top && SKIP.has(entry.name)) continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(src, dst, false, counter);
    else if (entry.isFile()) {
      try {
        fs.copyFileSync(src, dst);
      } catch (error) {
        // A file the server removed while we copied (a dropped table, a finished temp file) is not needed.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      counter.files += 1;
      counter.bytes += fs.statSync(dst).size;
    }
  }
}

/**
 * Copies the embedded server of `dir` (default `.data/postgres`) into the new folder `to`, which
 * then holds `pgdata/` and `password`, the same layout `restoreEmbeddedServer` and
 * EMBEDDED_DATA_DIR expect.
 */
export async function backupEmbeddedServer(options: { to: string; dir?: string }): Promise<BackupResult> {
  const dir = path.resolve(options.dir ?? embeddedDir());
  const pgdata = path.join(dir, "pgdata");
  const to = path.resolve(options.to);
  if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) throw new Error(`no embedded PostgreSQL cluster in ${dir}`);
  if (fs.existsSync(to) && fs.readdirSync(to).length > 0) throw new Error(`${to} exists and is not empty`);
  const counter = { files: 0, bytes: 0 };
  const info = readEmbeddedServerInfo(dir);
  const copyTo = path.join(to, "pgdata");
  if (!info) {
    copyTree(pgdata, copyTo, true, counter);
    copyTree(path.join(pgdata, "pg_wal"), path.join(copyTo, "pg_wal"), false, counter);
  } else {
    const client = new pg.Client({ connectionString: info.url, application_name: "db-backup", connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      await client.query("SELECT pg_backup_start($1, true)", [`db:backup ${new Date().toISOString()}`]);
      try {
        copyTree(pgdata, copyTo, true, counter);
      } finally {
        const stop = await client.query<{ labelfile: string; spcmapfile: string | null }>("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)");
        fs.writeFileSync(path.join(copyTo, "backup_label"), stop.rows[0]!.labelfile);
        if (stop.rows[0]!.spcmapfile) fs.writeFileSync(path.join(copyTo, "tablespace_map"), stop.rows[0]!.spcmapfile);
      }
      // The log from the backup's start to its end (and a little after) is in pg_wal now.
      await client.query("SELECT pg_switch_wal()");
      copyTree(path.join(pgdata, "pg_wal"), path.join(copyTo, "pg_wal"), false, counter);
    } finally {
      await client.end();
    }
  }
  for (const d of EMPTY_DIRS) fs.mkdirSync(path.join(copyTo, d), { recursive: true, mode: 0o700 });
  fs.copyFileSync(path.join(dir, "password"), path.join(to, "password"));
  fs.chmodSync(path.join(to, "password"), 0o600);
  return { to, online: Boolean(info), files: counter.files, bytes: counter.bytes };
}
