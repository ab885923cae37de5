import type { Db } from "../client";
import { createPrismaClient } from "../client";
import { checkDatabaseReady, type Readiness } from "./assert-database-ready";

/**
 * The readiness check behind an app's `/readyz` (the app server loads it with
 * `real-estate-serve --ready @real-estate/db/readiness-probe`): the database answers and has
 * exactly the migrations this code expects. One small pool of its own, opened on first use, so a
 * database that is down at start does not stop the server from answering "not ready".
 */
export default function createReadinessProbe(): () => Promise<Readiness> {
  let db: Db | null = null;
  return async () => {
    try {
      db ??= createPrismaClient({ poolSize: 1 });
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    return checkDatabaseReady(db);
  };
}
