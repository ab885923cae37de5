import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/** How long an answer is kept under its key (24 h, as Stripe and most APIs keep theirs). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A first request still unfinished after this long (its process died) no longer holds its key. */
export const IDEMPOTENCY_CLAIM_TIMEOUT_MS = 60_000;

export type StoredAnswer = { status: number; body: string; headers: Record<string, string> };

export type IdempotencyClaim =
  /** This request holds the key: run it, then complete (or release) the key. */
  | { kind: "claimed" }
  /** The key was used for another request (other method, path or body). */
  | { kind: "conflict" }
  /** The same request already has an answer: give it again. */
  | { kind: "replay"; answer: StoredAnswer }
  /** The same request is being answered right now. */
  | { kind: "in_progress" };

type Row = {
  fingerprint: string;
  responseStatus: number | null;
  responseBody: string | null;
  responseHeaders: Record<string, string> | null;
  inserted: boolean;
};

/**
 * Claims a client's `Idempotency-Key` for one request (`fingerprint`), for one caller
 * (`principal`) of the tenant, in one statement: concurrent requests with the same key see
 * exactly one `claimed`. Keys older than a day, and claims whose request never finished, are
 * taken over. Also drops the tenant's expired keys.
 */
export async function claimIdempotencyKey(options: {
  tenantId: string;
  principal: string;
  key: string;
  fingerprint: string;
  now?: Date;
  db?: Db;
}): Promise<IdempotencyClaim> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const expired = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  const stale = new Date(now.getTime() - IDEMPOTENCY_CLAIM_TIMEOUT_MS);
  await db.$executeRaw`
    DELETE FROM "ApiIdempotencyKey"
     WHERE "tenantId" = ${options.tenantId}::uuid
       AND ("createdAt" < ${expired}::timestamp(3)
            OR ("principal" = ${options.principal} AND "key" = ${options.key} AND "completedAt" IS NULL AND "createdAt" < ${stale}::timestamp(3)))`;
  // Inserted, or the row that holds the key (ON CONFLICT DO NOTHING returns nothing for it).
  const rows = await db.$queryRaw<Row[]>`
    WITH inserted AS (
      INSERT INTO "ApiIdempotencyKey" ("tenantId", "principal", "key", "fingerprint", "createdAt")
      VALUES (${options.tenantId}::uuid, ${options.principal}, ${options.key}, ${options.fingerprint}, ${now}::timestamp(3))
      ON CONFLICT ("tenantId", "principal", "key") DO NOTHING
      RETURNING "fingerprint", "responseStatus", "responseBody", "responseHeaders", true AS inserted
    )
    SELECT * FROM inserted
    UNION ALL
    SELECT "fingerprint", "responseStatus", "responseBody", "responseHeaders", false AS inserted
      FROM "ApiIdempotencyKey"
     WHERE "tenantId" = ${options.tenantId}::uuid AND "principal" = ${options.principal} AND "key" = ${options.key}
       AND NOT EXISTS (SELECT 1 FROM inserted)`;
  const row = rows[0];
  // Neither inserted nor found: the holder was deleted in between (expired); the caller may retry.
  if (!row) return { kind: "in_progress" };
  if (row.inserted) return { kind: "claimed" };
  if (row.fingerprint !== options.fingerprint) return { kind: "conflict" };
  if (row.responseStatus === null) return { kind: "in_progress" };
  return { kind: "replay", answer: { status: row.responseStatus, body: row.responseBody ?? "", headers: row.responseHeaders ?? {} } };
}
