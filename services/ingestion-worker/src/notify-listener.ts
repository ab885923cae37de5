import pg from "pg";
import { explainDatabaseError } from "@real-estate/db";
import type { Logger } from "@real-estate/http/logging";

export type NotifyListener = {
  /** Resolves once the first LISTEN succeeded (or failed; it keeps retrying in the background). */
  ready: Promise<void>;
  /** How many times the connection was (re)established. */
  connections(): number;
  close(): Promise<void>;
};

/** Exponential backoff with full jitter: 250 ms, 500 ms, 1 s … capped at `maxMs`. */
export function backoffDelay(failures: number, maxMs = 30_000, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, 250 * 2 ** Math.min(failures, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * LISTENs on `channel` over its own `pg` connection (a pooled connection cannot hold LISTEN)
 * and calls `onNotify` for each notification, and once after every (re)connect, since
 * notifications sent while disconnected are lost. When PostgreSQL goes away it reconnects
 * with backoff. Notifications are only a hint: the worker polls as well.
 */
export function createNotifyListener(options: { connectionString: string; channel: string; onNotify: () => void; logger: Logger }): NotifyListener {
  let client: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let connections = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    const delay = backoffDelay(failures++);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
  };

  const connect = async () => {
    const c = new pg.Client({
      connectionString: options.connectionString,
      application_name: "ingestion-worker-listen",
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    client = c;
    c.on("notification", () => options.onNotify());
    c.on("error", (error) => {
      options.logger.warn({ msg: "listen connection lost", reason: explainDatabaseError(error) });
      c.end().catch(() => {});
      if (client === c) scheduleReconnect();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(options.channel)}`);
      if (closed) return void (await c.end().catch(() => {}));
      c.on("end", () => {
        if (client === c && !closed) scheduleReconnect();
      });
      if (failures > 0) options.logger.info({ msg: "listen connection restored", attempts: failures });
      failures = 0;
      connections++;
      options.onNotify();
    } catch (error) {
      options.logger.warn({ msg: "listen connection failed", reason: explainDatabaseError(error) });
      c.end().catch(() => {});
      scheduleReconnect();
    } finally {
      markReady();
    }
  };

  void connect();
  return {
    ready,
    connections: () => connections,
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await client?.end().catch(() => {});
    },
  };
}
