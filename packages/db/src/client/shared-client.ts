import { createPrismaClient, type Db } from "./create-client";

const globalForDb = globalThis as unknown as { __realEstateDb?: Db };

/**
 * The process-wide client used by the apps and the worker. Kept on globalThis so that
 * Next.js dev reloads do not open a new pool per reload.
 */
export function getDb(): Db {
  globalForDb.__realEstateDb ??= createPrismaClient();
  return globalForDb.__realEstateDb;
}

/** Replaces the process-wide client (tests point it at their own database). */
export function setDb(db: Db): void {
  globalForDb.__realEstateDb = db;
}
