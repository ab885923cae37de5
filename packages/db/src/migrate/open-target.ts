import { openDatabaseUrl } from "../embedded/open-database-url";
import { migrationTargetForUrl, type MigrationTarget } from "./operations";

/**
 * The migration target for this process's database: `url`, else DATABASE_URL, else the embedded
 * server (started for the command when it is not running; `close()` stops it again).
 */
export async function openMigrationTarget(url?: string, log?: (line: string) => void): Promise<MigrationTarget & { description: string }> {
  const opened = url ? { url, description: url, close: async () => {} } : await openDatabaseUrl(log);
  const target = migrationTargetForUrl(opened.url);
  return {
    ...target,
    description: opened.description,
    close: async () => {
      await target.close();
      await opened.close();
    },
  };
}
