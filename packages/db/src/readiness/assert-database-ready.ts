import { EXPECTED_MIGRATIONS } from "../migrate/expected-migrations";
import { explainDatabaseError, isTransientDatabaseError } from "./explain-database-error";

type RawQueryable = { $queryRawUnsafe<T = unknown>(query: string): Promise<T> };

/** `transient: true` when waiting may cure the failure (the server is restarting or dropped the connection). */
export type Readiness = { ok: true } | { ok: false; reason: string; transient?: true };

function failure(error: unknown, reason = explainDatabaseError(error)): Readiness {
  return isTransientDatabaseError(error) ? { ok: false, reason, transient: true } : { ok: false, reason };
}

/**
 * Checks that the database answers and has exactly the migrations this code expects.
 * Returns a one-line reason when it does not (unreachable, not migrated, behind, newer).
 */
export async function checkDatabaseReady(db: RawQueryable): Promise<Readiness> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    return failure(error);
  }
  let applied: string[];
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = rows.map((r) => r.migration_name);
  } catch (error) {
    const reason = explainDatabaseError(error);
    return failure(error, /does not exist|not migrated/.test(reason) ? "database is not migrated: run `npm run db:migrate:deploy`" : reason);
  }
  const missing = EXPECTED_MIGRATIONS.filter((m) => !applied.includes(m));
  const unknown = applied.filter((m) => !EXPECTED_MIGRATIONS.includes(m));
  if (unknown.length) return { ok: false, reason: `database is newer than this code (unknown migration ${unknown[0]}): update the code` };
  if (missing.length) return { ok: false, reason: `database is ${missing.length} migration(s) behind: run \`npm run db:migrate:deploy\`` };
  return { ok: true };
}

/**
 * For a long-running service: checks readiness again while the failure is transient (the server
 * restarting, a connection dropped mid-check), for up to `waitMs`, telling `onWait` the reason
 * once. A failure waiting cannot cure (not migrated, wrong credentials) returns at once.
 */
export async function waitForDatabaseReady(db: RawQueryable, options: { waitMs: number; onWait?: (reason: string) => void }): Promise<Readiness> {
  const deadline = Date.now() + options.waitMs;
  let pauseMs = 200;
  let told = false;
  for (;;) {
    const r = await checkDatabaseReady(db);
    if (r.ok || !r.transient || Date.now() + pauseMs > deadline) return r;
    if (!told) options.onWait?.(r.reason);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    pauseMs = Math.min(pauseMs * 2, 2_000);
  }
}

/** For scripts and services: exits with one clear line when the database is not ready. */
export async function assertDatabaseReadyOrExit(db: RawQueryable, who: string): Promise<void> {
  const r = await checkDatabaseReady(db);
  if (!r.ok) {
    console.error(`${who}: ${r.reason}`);
    process.exit(1);
  }
}
