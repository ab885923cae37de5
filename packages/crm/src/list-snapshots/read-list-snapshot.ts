import type { Db } from "@real-estate/db";
import type { SnapshotPosition } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";

/** The snapshot a cursor points at is gone (expired after an hour, or another list's): page from the start again. */
export class ListSnapshotExpiredError extends Error {
  constructor() {
    super("the list this cursor belongs to has expired: start again from the first page");
    this.name = "ListSnapshotExpiredError";
  }
}

/**
 * The ids of the next `limit` rows of a frozen list, and the position after them (null at the
 * end). Only the page's slice of the id array is read.
 */
export async function readListSnapshot(
  db: Db,
  tenantId: string,
  position: SnapshotPosition,
  listKey: string,
  limit: number,
  now = new Date(),
): Promise<{ ids: string[]; next: SnapshotPosition | null }> {
  if (!isUuid(position.snapshotId) || !Number.isSafeInteger(position.offset) || position.offset < 0) throw new ListSnapshotExpiredError();
  const rows = await db.$queryRaw<{ page: string[] | null; total: number | null }[]>`
    SELECT (ids[${position.offset + 1}:${position.offset + limit}])::text[] AS page, cardinality(ids) AS total
      FROM "ListSnapshot"
     WHERE "tenantId" = ${tenantId}::uuid AND id = ${position.snapshotId}::uuid
       AND "listKey" = ${listKey} AND "expiresAt" > ${now}::timestamp(3)`;
  const row = rows[0];
  if (!row) throw new ListSnapshotExpiredError();
  const ids = row.page ?? [];
  const offset = position.offset + limit;
  return { ids, next: offset < (row.total ?? 0) ? { snapshotId: position.snapshotId, offset } : null };
}
