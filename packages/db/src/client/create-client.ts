import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { resolveDatabase, type DatabaseTarget } from "../connection/resolve-database";
import { guardEmptyWhere } from "./guard-where";

export type CreateClientOptions = {
  /** Connection string; default: resolved from DATABASE_URL or the embedded database. */
  url?: string;
  /** pg pool size (default 10). */
  poolSize?: number;
  /** Name shown in pg_stat_activity (default "real-estate"). */
  applicationName?: string;
};

// The pool of each client, kept on globalThis as the shared client is (getDb): a Next.js server
// bundles this module into several chunks (its proxy's, each route's), each a copy with its own
// module state, and the client one copy made is the one every other copy's getDb returns. A map
// per copy answered pgPoolOf with null wherever the client came from another chunk, so the hot
// paths there ran through Prisma's raw queries and the rate limits counted in process memory.
const globalForPools = globalThis as unknown as { __realEstateDbPools?: WeakMap<object, pg.Pool> };
const pools = (globalForPools.__realEstateDbPools ??= new WeakMap<object, pg.Pool>());

const TIMESTAMP_OID = 1114;
/**
 * Type parsers for statements run directly on the pool (Prisma's adapter passes its own with each
 * query): `timestamp` columns hold UTC, as Prisma writes them, so they are read as UTC whatever
 * the process's time zone; int8 stays a string (ids exceed 2^53).
 */
const directTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

let lastIdleErrorReport = 0;
/** One line at most every 10 s: a server restart ends every idle connection at once. */
function reportIdleConnectionError(error: Error) {
  const now = Date.now();
  if (now - lastIdleErrorReport < 10_000) return;
  lastIdleErrorReport = now;
  console.warn(`[db] an idle database connection ended: ${error.message} (it is replaced on the next query)`);
}

function createFromUrl(url: string, options: CreateClientOptions) {
  // The pool is ours, handed to the adapter (which ends it on $disconnect), so hot paths that
  // gain from it can run node-postgres statements on the same connections (see pgPoolOf).
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? (Number(process.env.DB_POOL_SIZE) || 10),
    application_name: options.applicationName ?? "real-estate",
    // Also how long a query waits for a free pooled connection: under a burst (20 requests at
    // once on a busy machine) 5 s turned waiting into errors. A database that is down still
    // fails at once (connection refused), so this does not delay the 503s of an outage.
    connectionTimeoutMillis: 15_000,
    types: directTypes,
  });
  // An idle pooled connection that the server ends (a restart, pg_terminate_backend) makes the
  // pool emit "error", which ends the process when nothing listens. Prisma's adapter listens only
  // once it has connected, and the hot paths use the pool directly (pgPoolOf), possibly first.
  // The pool drops that connection and opens a new one for the next query either way.
  pool.on("error", (error) => reportIdleConnectionError(error));
  // A connection checked out of the pool and idle between statements (a transaction waiting on
  // its caller, a batch held while its messages are sent) that the server ends emits "error" on
  // the client itself, and no listener of the pool's is on it while it is checked out: a holder
  // that has none at that moment would end the process. Every client gets one for its life; the
  // holder still learns of it (its next statement fails) and the pool drops the client on release.
  pool.on("connect", (client) => client.on("error", (error) => reportIdleConnectionError(error)));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PrismaClient({ adapter }).$extends(guardEmptyWhere);
  pools.set(db, pool);
  return db;
}

/**
 * The node-postgres pool behind a client made by createPrismaClient, while it is open; null for
 * any other client (a transaction client, a client on another adapter) or after $disconnect.
 * For hot paths only (the queue's enqueue, claim and completion), which run named prepared
 * statements on it: Prisma's raw queries cost about twice the CPU per call of node-postgres.
 * Never use it for something that must join the caller's transaction.
 */
export function pgPoolOf(db: unknown): pg.Pool | null {
  if (typeof db !== "object" || db === null) return null;
  const pool = pools.get(db);
  if (!pool || pool.ending || pool.ended) return null;
  return pool;
}

/**
 * Runs `work` on a connection checked out of `pool`: `work` opens its transaction and commits it;
 * a throw rolls it back. The server can end a connection while it is checked out (a restart,
 * pg_terminate_backend): node-postgres then emits "error" on the client, which ends the process
 * when nothing listens. The error is kept instead: the next statement fails, and a connection that
 * failed is not handed back to the pool.
 */
export async function onPooledConnection<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => void (broken ??= error);
  client.on("error", onError);
  try {
    return await work(client);
  } catch (error) {
    broken = error as Error;
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}

export type Db = ReturnType<typeof createFromUrl>;
/** The transaction client handed to `db.$transaction(async (tx) => ...)`. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Creates a Prisma client for PostgreSQL (adapter-pg), guarded against empty where clauses: for
 * `url`, else DATABASE_URL, else the running embedded server (a command that may have to start
 * it uses `openDatabaseUrl` from `@real-estate/db/embedded` first).
 */
export function createPrismaClient(options: CreateClientOptions = {}): Db {
  if (options.url) return createFromUrl(options.url, options);
  const target: DatabaseTarget = resolveDatabase();
  if (target.kind === "embedded-stopped") {
    throw new Error("no database: DATABASE_URL is not set and the embedded PostgreSQL is not running (npm start runs it)");
  }
  return createFromUrl(target.url, options);
}
