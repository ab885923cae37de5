import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";

/** Opens (creating on first use) the embedded PostgreSQL persisted in `dataDir`. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir);
  await db.waitReady;
  return db;
}
