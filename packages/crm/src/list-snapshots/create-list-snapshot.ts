import crypto from "node:crypto";
import type { Db } from "@real-estate/db";
import type { Prisma } from "@real-estate/db";

/** How long a frozen list order can be paged through. */
export const LIST_SNAPSHOT_TTL_MS = 60 * 60 * 1000;

/** What a snapshot lists (name, sort and filters), as a short stable key, so a cursor cannot be used for another list. */
export function listKeyOf(list: string, sort: string, filters: unknown): string {
  return `${list}:${sort}:${crypto
    .createHash("sha256")
    .update(JSON.stringify(filters ?? {}))
    .digest("base64url")
    .slice(0, 22)}`;
}

/**
 * Freezes the order of a list for an hour: `orderedIds` is a query of its row ids, in order, run
 * inside the INSERT so the ids never leave the database (100,000 rows: one statement). Also
 * deletes the expired snapshots; the sweep crosses tenants on purpose: it only removes rows past
 * their expiry, through the expiry index (few: every new snapshot sweeps), and needs no
 * scheduler of its own (docs/scale-out-citus.md lists it as a cross-shard statement).
 */
export async function createListSnapshot(db: Db, tenantId: string, listKey: string, orderedIds: Prisma.Sql, now = new Date()): Promise<string> {
  await db.$executeRaw`DELETE FROM "ListSnapshot" WHERE "expiresAt" < ${now}::timestamp(3)`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "ListSnapshot" ("tenantId", id, "listKey", ids, "createdAt", "expiresAt")
    VALUES (${tenantId}::uuid, gen_random_uuid(), ${listKey}, ARRAY(${orderedIds}), ${now}::timestamp(3), ${new Date(now.getTime() + LIST_SNAPSHOT_TTL_MS)}::timestamp(3))
    RETURNING id::text AS id`;
  return rows[0]!.id;
}
