// db:backup [FOLDER] — a consistent copy of the embedded server's data (running or stopped) into
// FOLDER (default backups/postgres-<time>). For a server you configured with DATABASE_URL, use
// pg_dump (see the README).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { backupEmbeddedServer } from "../src/embedded";

if (process.env.DATABASE_URL?.trim()) {
  console.error("db:backup: DATABASE_URL is set: back that server up with pg_dump -Fc (see the README); db:backup copies the embedded server");
  process.exit(2);
}
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const arg = process.argv.slice(2).find((a) => !a.startsWith("-"));
const to = arg
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), arg)
  : path.join(repoRoot, "backups", `postgres-${new Date().toISOString().replace(/[:.]/g, "-")}`);
try {
  const r = await backupEmbeddedServer({ to });
  console.log(
    `db:backup: ${r.online ? "running server, copied with pg_backup_start/stop" : "stopped server, folder copied"}: ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `db:backup: ${path.relative(process.env.INIT_CWD ?? process.cwd(), r.to)} (restore with: npm run db:restore -- ${path.relative(process.env.INIT_CWD ?? process.cwd(), r.to)})`,
  );
} catch (error) {
  console.error(`db:backup: ${(error as Error).message}`);
  process.exit(1);
}
