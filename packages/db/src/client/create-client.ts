import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "../generated/prisma/client";
import { resolveDatabase, type DatabaseTarget } from "../connection/resolve-database";
import { openPglite } from "../connection/open-pglite";
import { guardEmptyWhere } from "./guard-where";

export type CreateClientOptions = {
  /** Connection string; default: resolved from DATABASE_URL or the embedded database. */
  url?: string;
  /** pg pool size (default 10). */
  poolSize?: number;
  /** Name shown in pg_stat_activity (default "real-estate"). */
  applicationName?: string;
};

function createFromUrl(url: string, options: CreateClientOptions) {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.poolSize ?? (Number(process.env.DB_POOL_SIZE) || 10),
    application_name: options.applicationName ?? "real-estate",
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter }).$extends(guardEmptyWhere);
}

export type Db = ReturnType<typeof createFromUrl>;
/** The transaction client handed to `db.$transaction(async (tx) => ...)`. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Creates a Prisma client for PostgreSQL (adapter-pg), guarded against empty where clauses. */
export function createPrismaClient(options: CreateClientOptions = {}): Db {
  if (options.url) return createFromUrl(options.url, options);
  const target: DatabaseTarget = resolveDatabase();
  if (target.kind === "embedded-inprocess") {
    throw new Error("createPrismaClient: no DATABASE_URL and no embedded server; use createPrismaClientAsync()");
  }
  return createFromUrl(target.url, options);
}

/**
 * Like createPrismaClient, but also opens the embedded database inside this process when
 * DATABASE_URL is unset and `npm start` is not serving it (standalone scripts).
 */
export async function createPrismaClientAsync(options: CreateClientOptions = {}): Promise<{ db: Db; close: () => Promise<void> }> {
  const target = options.url ? ({ kind: "postgres", url: options.url } as const) : resolveDatabase();
  if (target.kind !== "embedded-inprocess") {
    const db = createFromUrl(target.url, options);
    return { db, close: () => db.$disconnect() };
  }
  const pglite: PGlite = await openPglite(target.dataDir);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) }).$extends(guardEmptyWhere) as unknown as Db;
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}
