import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterEach } from "vitest";
import type { TestDatabase } from "@real-estate/db/testing";

/**
 * Connections of their own to the test database, for races between sessions (one holds a lock,
 * another waits on it, a third observes); each ended after its test.
 */
export function useConnections(testDb: () => TestDatabase): () => Promise<pg.Client> {
  const clients: pg.Client[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
  });
  return async () => {
    const client = new pg.Client({ connectionString: testDb().url });
    await client.connect();
    clients.push(client);
    return client;
  };
}

/** Waits until some other backend of the test database waits for a lock (pid: that backend only). */
export async function waitUntilBlocked(observer: pg.Client, pid?: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND ($1::int IS NULL OR pid = $1::int)`,
      [pid ?? null],
    );
    if (r.rows[0]!.n > 0) return;
    await sleep(25);
  }
  throw new Error("no backend waited for a lock");
}
