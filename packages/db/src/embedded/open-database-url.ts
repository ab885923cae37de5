import { describeTarget, describeUrl, resolveDatabase } from "../connection/resolve-database";
import { startEmbeddedServer } from "./start-embedded-server";

export type OpenedDatabaseUrl = { url: string; description: string; close: () => Promise<void> };

/**
 * The database for a command run on its own (`npm run db:*`, the worker's commands): DATABASE_URL,
 * else the embedded server `npm start` runs, else the embedded server started for this command
 * and stopped by `close()`.
 */
export async function openDatabaseUrl(log: (line: string) => void = () => {}): Promise<OpenedDatabaseUrl> {
  const target = resolveDatabase();
  if (target.kind !== "embedded-stopped") return { url: target.url, description: describeTarget(target), close: async () => {} };
  log("DATABASE_URL is not set and the embedded PostgreSQL is not running: starting it for this command");
  const server = await startEmbeddedServer({ log });
  return { url: server.url, description: `embedded PostgreSQL (${describeUrl(server.url)})`, close: server.stop };
}
