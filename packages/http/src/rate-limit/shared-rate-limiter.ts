import { Redis } from "ioredis";
import { inlineParameters } from "./inline-parameters";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * One counted request: `limit` requests per window, `remaining` of them left after this one, and
 * the seconds until the window ends (`resetSeconds`), enough for RateLimit headers; refused with
 * `retryAfterSeconds` when over the limit.
 */
export type RateLimitHit =
  | { ok: true; limit: number; remaining: number; resetSeconds: number }
  | { ok: false; limit: number; remaining: 0; resetSeconds: number; retryAfterSeconds: number };

export type SharedRateLimiter = {
  /**
   * Counts one request for `key`; refused with the seconds until its window ends when over the
   * limit. `points` overrides the limiter's own limit for this key (e.g. a per-API-key limit).
   */
  hit: (key: string, options?: { points?: number }) => Promise<RateLimitHit>;
};

/** The longest a request waits for Redis before the process's own count answers for it. */
const REDIS_COMMAND_TIMEOUT_MS = 500;

const globalForRedis = globalThis as unknown as { __rateLimitRedis?: Map<string, Redis> };

/** One connection per Redis URL per process, shared by every limiter. */
function redisClient(url: string): Redis {
  const clients = (globalForRedis.__rateLimitRedis ??= new Map());
  let client = clients.get(url);
  if (!client) {
    // A command waits for the connection (queued, as at start-up) or for Redis's answer at most
    // REDIS_COMMAND_TIMEOUT_MS; once the connection is known lost, `hit` does not ask Redis at all
    // (redisIsDown). Either way the process's own count answers meanwhile (see below) and
    // ioredis keeps reconnecting in the background. Without both, a request waited through
    // ioredis's growing reconnect back-off: seconds per request after a few refused connections.
    client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 1_000, commandTimeout: REDIS_COMMAND_TIMEOUT_MS });
    client.on("error", () => {});
    clients.set(url, client);
  }
  return client;
}

/** True while ioredis is between reconnect attempts after losing (or failing to make) its connection. */
function redisIsDown(client: Redis): boolean {
  return client.status === "reconnecting" || client.status === "close" || client.status === "end";
}

/** A connection checked out of a node-postgres pool, as the limiter uses it. */
type RateLimitPgClient = {
  query: (query: string | { name?: string; text: string; values?: unknown[] }) => Promise<unknown>;
  release: (error?: Error | boolean) => void;
};

/**
 * What the limiter needs of a node-postgres pool (the app's own, `pgPoolOf(getDb())`): it checks
 * out a connection for each of its statements (see `asyncCommitStore`).
 */
export type RateLimitPgPool = { connect: () => Promise<RateLimitPgClient> };

/**
 * The PostgreSQL store's client: each statement rate-limiter-flexible sends (the count's upsert,
 * the sweep of expired rows) runs in a transaction of its own with `SET LOCAL synchronous_commit
 * = off`, so its commit returns without waiting for the WAL to reach the disk (decision 0067).
 * A crash of PostgreSQL may lose the counts of its last fraction of a second (at most three
 * `wal_writer_delay`s), never corrupt them, and the rows stay logged and replicated. The setting
 * ends with the transaction, so the connection goes back to the app's pool as it came; a
 * statement that fails is rolled back, and the connection is dropped if even that fails.
 *
 * The transaction is one round trip (decision 0113): `BEGIN; SET LOCAL ...; <statement>; COMMIT`
 * in one simple-protocol message, the statement's parameters written in as literals of unknown
 * type (as node-postgres sends them: inlineParameters). A statement that cannot be written so is
 * sent with its parameters between BEGIN and COMMIT (three round trips), as before.
 */
export function asyncCommitStore(pool: RateLimitPgPool): { query: (query: { name?: string; text: string; values?: unknown[] }) => Promise<unknown> } {
  return {
    query: async (query) => {
      const client = await pool.connect();
      // A connection whose transaction could not be begun or ended is dropped, never reused.
      let broken: Error | undefined;
      try {
        const inlined = inlineParameters(query.text, query.values ?? []);
        if (inlined !== null) {
          try {
            // The simple protocol stops at the first error, inside the transaction: rolled back below.
            const results = (await client.query(`BEGIN; SET LOCAL synchronous_commit = off; ${inlined}; COMMIT`)) as unknown[];
            return results[2];
          } catch (error) {
            await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
            throw error;
          }
        }
        // One round trip for both (the simple protocol runs them in order; no parameters).
        await client.query("BEGIN; SET LOCAL synchronous_commit = off").catch((error: Error) => {
          broken = error;
          throw error;
        });
        try {
          const result = await client.query(query);
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
          throw error;
        }
      } finally {
        client.release(broken ?? false);
      }
    },
  };
}

/**
 * The platform-wide table the PostgreSQL store counts in, created by the migration
 * `rate_limit_count` (packages/db), not at runtime: `key` ("rl:<limiter name>:<key>"), `points`
 * used in the window, `expire` (epoch milliseconds the window ends).
 */
export const RATE_LIMIT_TABLE = "rate_limit_count";

/**
 * A fixed-window limit of `points` requests per `durationSeconds` per key, shared by every
 * instance of an app: counted in Redis when `redisUrl` is given (rate-limiter-flexible's atomic
 * INCR + expiry), else in PostgreSQL when `pgPool` is given (rate-limiter-flexible's one-statement
 * upsert into `rate_limit_count`, committed without waiting for the WAL flush: `asyncCommitStore`;
 * rows expired over an hour are deleted every five minutes), else in this process only. That
 * last is meant only when `processOnly` says so (one process, tests); otherwise it is a fault (an
 * app's database client whose pool was not found, decision 0065), and it is reported on the error
 * log when the limiter is made, since every instance then allows the whole limit (decision 0068).
 * Requests are still counted and answered: a visitor's lead is not refused for it. When the store
 * cannot be reached, each process counts on its own meanwhile (rate-limiter-flexible's insurance
 * limiter): limits loosen, nothing fails.
 */
export function createRateLimiter(options: {
  name: string;
  points: () => number;
  durationSeconds: number;
  redisUrl?: string;
  pgPool?: RateLimitPgPool;
  /** Counts in this process only, as meant, when neither store is given (a single process, tests). */
  processOnly?: boolean;
}): SharedRateLimiter {
  if (!options.redisUrl && !options.pgPool && !options.processOnly) {
    console.error(
      `[rate-limit] "${options.name}" has no shared store (neither a Redis URL nor a PostgreSQL pool): ` +
        "it counts in this process only, so each instance allows the whole limit",
    );
  }
  const limiters = new Map<number, { store: RateLimiterAbstract; memory: RateLimiterMemory }>();
  const redis = options.redisUrl ? redisClient(options.redisUrl) : undefined;
  const limiterFor = (points: number): RateLimiterAbstract => {
    const known = limiters.get(points);
    if (known) return redis && redisIsDown(redis) ? known.memory : known.store;
    let limiter: RateLimiterAbstract;
    const memory = new RateLimiterMemory({ points, duration: options.durationSeconds, keyPrefix: options.name });
    const shared = { points, duration: options.durationSeconds, keyPrefix: `rl:${options.name}`, insuranceLimiter: memory };
    if (redis) {
      limiter = new RateLimiterRedis({ ...shared, storeClient: redis });
    } else if (options.pgPool) {
      limiter = new RateLimiterPostgres({
        ...shared,
        storeClient: asyncCommitStore(options.pgPool),
        storeType: "pool",
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        clearExpiredByTimeout: true,
      });
    } else {
      limiter = memory;
    }
    limiters.set(points, { store: limiter, memory });
    return redis && redisIsDown(redis) ? memory : limiter;
  };
  return {
    hit: async (key, hitOptions) => {
      const limit = hitOptions?.points ?? options.points();
      try {
        const res = await limiterFor(limit).consume(key, 1);
        return { ok: true, limit, remaining: Math.max(0, res.remainingPoints), resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
      } catch (result) {
        if (result instanceof RateLimiterRes) {
          const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
          return { ok: false, limit, remaining: 0, resetSeconds: seconds, retryAfterSeconds: seconds };
        }
        throw result;
      }
    },
  };
}
