import { resolveDatabase, describeTarget } from "../connection/resolve-database";
import { openPglite } from "../connection/open-pglite";
import { migrationTargetForPglite, migrationTargetForUrl, type MigrationTarget } from "./operations";

/** The migration target for this process's database (DATABASE_URL, or the embedded one). */
export async function openMigrationTarget(url?: string): Promise<MigrationTarget & { description: string }> {
  const target = url ? ({ kind: "postgres", url } as const) : resolveDatabase();
  if (target.kind !== "embedded-inprocess") {
    return { ...migrationTargetForUrl(target.url), description: describeTarget(target) };
  }
  const pglite = await openPglite(target.dataDir);
  const t = migrationTargetForPglite(pglite);
  return { ...t, description: describeTarget(target), close: async () => pglite.close() };
}
