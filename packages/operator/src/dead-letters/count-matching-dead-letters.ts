import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { deadLetterWhere, resolveDeadLetterFilter, type DeadLetterFilter } from "@real-estate/queue";

/**
 * How many dead letters a filter matches: what "re-drive everything matching" would take,
 * shown before the operator confirms. Operator view: deliberately cross-tenant.
 */
export async function countMatchingDeadLetters(options: { filter?: DeadLetterFilter; db?: Db } = {}): Promise<number> {
  const db = options.db ?? getDb();
  const filter = await resolveDeadLetterFilter(db, options.filter);
  const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "IngestionJob" AS j WHERE ${deadLetterWhere(filter)}`;
  return Number(rows[0]?.n ?? 0);
}
