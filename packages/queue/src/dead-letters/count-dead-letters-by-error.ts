import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { deadLetterWhere, resolveDeadLetterFilter, type DeadLetterFilter } from "./dead-letter-filter";

export type DeadLetterErrorCount = { error: string; errorClass: string | null; count: number };

/**
 * Dead letters grouped by their last error (most frequent first), to see at a glance what
 * broke. Platform-level (operator): deliberately cross-tenant; narrow it with `filter.tenant`.
 */
export async function countDeadLettersByError(options: { filter?: DeadLetterFilter; limit?: number; db?: Db } = {}): Promise<DeadLetterErrorCount[]> {
  const db = options.db ?? getDb();
  const filter = await resolveDeadLetterFilter(db, options.filter);
  const rows = await db.$queryRaw<{ error: string | null; errorClass: string | null; count: bigint }[]>`
    SELECT j."lastError" AS error, j."lastErrorClass" AS "errorClass", count(*) AS count
    FROM "IngestionJob" AS j
    WHERE ${deadLetterWhere(filter)}
    GROUP BY 1, 2
    ORDER BY 3 DESC, 1
    LIMIT ${options.limit ?? 100}`;
  return rows.map((r) => ({ error: r.error ?? "(no error recorded)", errorClass: r.errorClass, count: Number(r.count) }));
}
