// Puts a backup made by `backupEmbeddedServer` (or a copy of a stopped server's folder) in place
// as the embedded server's cluster. The server must be stopped; what was there is kept beside it.
import fs from "node:fs";
import path from "node:path";
import { embeddedDir, readEmbeddedServerInfo } from "../connection/resolve-database";

export type RestoreResult = { dir: string; keptAside: string | null };

export function restoreEmbeddedServer(options: { from: string; dir?: string }): RestoreResult {
  const from = path.resolve(options.from);
  const dir = path.resolve(options.dir ?? embeddedDir());
  if (!fs.existsSync(path.join(from, "pgdata", "PG_VERSION")) || !fs.existsSync(path.join(from, "password"))) {
    throw new Error(`${from} is not a backup of the embedded server (it needs pgdata/ and password)`);
  }
  const running = readEmbeddedServerInfo(dir);
  if (running) throw new Error(`the embedded server in ${dir} is running (process ${running.ownerPid}); stop npm start first`);
  fs.mkdirSync(dir, { recursive: true });
  let keptAside: string | null = null;
  if (fs.existsSync(path.join(dir, "pgdata"))) {
    keptAside = path.join(dir, `before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`);
    fs.mkdirSync(keptAside);
    fs.renameSync(path.join(dir, "pgdata"), path.join(keptAside, "pgdata"));
    if (fs.existsSync(path.join(dir, "password"))) fs.renameSync(path.join(dir, "password"), path.join(keptAside, "password"));
  }
  fs.cpSync(path.join(from, "pgdata"), path.join(dir, "pgdata"), { recursive: true });
  fs.chmodSync(path.join(dir, "pgdata"), 0o700);
  fs.copyFileSync(path.join(from, "password"), path.join(dir, "password"));
  fs.chmodSync(path.join(dir, "password"), 0o600);
  fs.rmSync(path.join(dir, "server.json"), { force: true });
  return { dir, keptAside };
}
