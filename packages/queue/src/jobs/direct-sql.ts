import type { Db, DbTx } from "@real-estate/db";
import { pgPoolOf } from "@real-estate/db";

/**
 * The queue's hot statements (enqueue, claim, completion, failure) run on node-postgres as named
 * prepared statements when the client is a pool-backed one made by createPrismaClient: parsed and
 * planned once per connection, and about half the client CPU per call of Prisma's raw queries
 * (decision 0023). Inside a caller's transaction (a `tx`), or on any other client, the same SQL
 * runs through Prisma, so a job still commits with the business write that caused it.
 *
 * Parameters are plain values: timestamps as ISO strings (cast to timestamp(3) in the SQL), ids as
 * strings. Rows come back with int8 as string or bigint and timestamps as Date, by path; callers
 * normalise with String() / toDate().
 */
export async function queryRows<T>(db: Db | DbTx, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = pgPoolOf(db);
  if (pool) return (await pool.query({ name, text, values })).rows as T[];
  return (db as Db).$queryRawUnsafe<T[]>(text, ...values);
}

/** As queryRows, for a statement without RETURNING: the number of rows it changed. */
export async function execute(db: Db | DbTx, name: string, text: string, values: unknown[]): Promise<number> {
  const pool = pgPoolOf(db);
  if (pool) return (await pool.query({ name, text, values })).rowCount ?? 0;
  return (db as Db).$executeRawUnsafe(text, ...values);
}

export function iso(date: Date): string {
  return date.toISOString();
}
