// Raw-SQL prototypes of two storage designs for the durable queue, measured beside today's
// "IngestionJob" (decision 0103). Each runs in a scratch copy of the migrated schema: the ledger
// is a copy of "IngestionJob"'s columns, so its rows are as wide as today's.
import { QUEUE_NOTIFY_CHANNEL } from "@real-estate/queue";

/**
 * The ledger: every job from enqueue until pruning, with its key, payload and outcome. Its
 * indexes are the keys and two partial indexes whose predicates name columns that completion
 * never changes, so completion's update of status/completedAt can be HOT (when the page has room).
 */
export function ledgerDdl(fillfactor: number): string[] {
  return [
    `CREATE TABLE "JobLedger" (LIKE "IngestionJob" INCLUDING DEFAULTS) WITH (fillfactor = ${fillfactor})`,
    `ALTER TABLE "JobLedger" ADD PRIMARY KEY ("tenantId", id)`,
    `ALTER TABLE "JobLedger" ADD CONSTRAINT "JobLedger_key" UNIQUE ("tenantId", kind, "eventId")`,
    `ALTER TABLE "JobLedger" ADD FOREIGN KEY ("tenantId") REFERENCES "Tenant"(id) ON DELETE CASCADE`,
    `CREATE INDEX "JobLedger_dead_idx" ON "JobLedger" ("deadLetteredAt") WHERE "deadLetteredAt" IS NOT NULL`,
    `CREATE INDEX "JobLedger_held_idx" ON "JobLedger" ("redriveId") WHERE "redriveId" IS NOT NULL`,
  ];
}

/**
 * The narrow table of jobs still to run: one row per queued or running job. `readyAt` is when a
 * worker may take it: its run time while queued, its lease's end while running, so an expired
 * lease is due again without a second index or predicate. Without `primaryKey` (design d) its
 * one index is on `readyAt`, and workers find their rows by the physical address (ctid) the claim
 * returned. Without `foreignKey` no trigger checks the tenant of each narrow row (the ledger row's
 * foreign key already did, in the same statement); a tenant's deletion would then have to delete
 * its narrow rows itself.
 */
export function readyDdl(primaryKey: boolean, foreignKey = true): string[] {
  return [
    `CREATE TABLE "JobReady" (
     "tenantId" uuid NOT NULL${foreignKey ? ` REFERENCES "Tenant"(id) ON DELETE CASCADE` : ""},
     id bigint NOT NULL,
     kind text NOT NULL,
     "readyAt" timestamp(3) NOT NULL,
     attempts int NOT NULL DEFAULT 0,
     "lockedBy" text,
     "lockedAt" timestamp(3)${
       primaryKey
         ? `,
     PRIMARY KEY ("tenantId", id)`
         : ""
     })`,
    `CREATE INDEX "JobReady_readyAt_idx" ON "JobReady" ("readyAt")`,
  ];
}

/** Design (c): completions appended to a narrow table (no b-tree: a BRIN on the time serves retention and health). */
export const DONE_DDL = [
  `CREATE TABLE "JobDone" ("tenantId" uuid NOT NULL, id bigint NOT NULL, attempts int NOT NULL, "completedAt" timestamp(3) NOT NULL)`,
  `CREATE INDEX "JobDone_completedAt_brin" ON "JobDone" USING brin ("completedAt")`,
];

// $1 tenantId, $2 eventId, $3 type, $4 payload, $5 request hash, $6 max attempts: today's
// single enqueue (ledger check, idempotent insert) with the narrow row written by the same
// statement for a job it created.
export const ENQUEUE_SQL = `
    WITH prior AS (
      SELECT "eventType", "requestHash" FROM "IngestedEvent" WHERE "tenantId" = $1::uuid AND "eventId" = $2::text
    ), ins AS (
      INSERT INTO "JobLedger" ("tenantId", "eventId", "eventType", payload, "requestHash", "maxAttempts", "nextAttemptAt", "updatedAt")
      SELECT $1::uuid, $2::text, $3::text, $4::jsonb, $5::text, $6::int, now(), now()
       WHERE NOT EXISTS (SELECT 1 FROM prior)
      ON CONFLICT ("tenantId", kind, "eventId") DO UPDATE SET "eventId" = EXCLUDED."eventId"
      RETURNING id, kind, "nextAttemptAt", (xmax = 0) AS created, "eventType", "requestHash"
    ), ready AS (
      INSERT INTO "JobReady" ("tenantId", id, kind, "readyAt") SELECT $1::uuid, id, kind, "nextAttemptAt" FROM ins WHERE created
    )
    SELECT ins.id, ins.created, ins."eventType" AS "jobType", ins."requestHash" AS "jobHash",
           prior."eventType" AS "ledgerType", prior."requestHash" AS "ledgerHash"
      FROM (SELECT 1) AS one LEFT JOIN ins ON true LEFT JOIN prior ON true`;

// $1 tenantId, $2 [{e, h}] as JSON, $3 {type: max attempts}: today's bulk enqueue plus the narrow rows.
export const ENQUEUE_BULK_SQL = `
    WITH input AS (
      SELECT r.e->>'eventId' AS "eventId", r.e->>'type' AS "eventType", r.e AS payload, r.h AS "requestHash"
        FROM jsonb_to_recordset($2::jsonb) AS r(e jsonb, h text)
    ), prior AS (
      SELECT l."eventId", l."eventType", l."requestHash" FROM "IngestedEvent" l
       WHERE l."tenantId" = $1::uuid AND l."eventId" IN (SELECT "eventId" FROM input)
    ), ins AS (
      INSERT INTO "JobLedger" ("tenantId", "eventId", "eventType", payload, "requestHash", "maxAttempts", "nextAttemptAt", "updatedAt")
      SELECT $1::uuid, "eventId", "eventType", payload, "requestHash", ($3::jsonb ->> "eventType")::int, now(), now() FROM input
       WHERE NOT EXISTS (SELECT 1 FROM prior WHERE prior."eventId" = input."eventId")
      ON CONFLICT ("tenantId", kind, "eventId") DO UPDATE SET "eventId" = EXCLUDED."eventId"
      RETURNING id, kind, "nextAttemptAt", "eventId", (xmax = 0) AS created, "eventType", "requestHash"
    ), ready AS (
      INSERT INTO "JobReady" ("tenantId", id, kind, "readyAt") SELECT $1::uuid, id, kind, "nextAttemptAt" FROM ins WHERE created
    ), wake AS (
      SELECT pg_notify('${QUEUE_NOTIFY_CHANNEL}', '') WHERE EXISTS (SELECT 1 FROM ins WHERE created)
    )
    SELECT ins."eventId", ins.id, ins.created, ins."eventType" AS "jobType", ins."requestHash" AS "jobHash",
           NULL::text AS "ledgerType", NULL::text AS "ledgerHash"
      FROM ins LEFT JOIN wake ON true
    UNION ALL
    SELECT prior."eventId", NULL, NULL, NULL, NULL, prior."eventType", prior."requestHash" FROM prior`;

// $1 now, $2 limit, $3 kinds (null: any), $4 workerId, $5 lease end. Locks and updates narrow
// rows only; the payload is read from the ledger by a join (the ledger row is not touched).
export const CLAIM_SQL = `
    WITH picked AS (
      SELECT "tenantId", id FROM "JobReady"
      WHERE "readyAt" <= $1::timestamp(3) AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
      ORDER BY "readyAt" LIMIT $2::int
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE "JobReady" AS r SET "readyAt" = $5::timestamp(3), "lockedBy" = $4::text, "lockedAt" = $1::timestamp(3), attempts = r.attempts + 1
      FROM picked WHERE r."tenantId" = picked."tenantId" AND r.id = picked.id
      RETURNING r."tenantId", r.id, r.kind, r.attempts, r."lockedBy", r."readyAt"
    )
    SELECT c.id, c."tenantId"::text AS "tenantId", c.kind, j."eventId", j."eventType", j.payload, j."requestId", c.attempts, j."maxAttempts",
           c."lockedBy", c."readyAt" AS "leaseExpiresAt", j."createdAt"
      FROM claimed c JOIN "JobLedger" j ON j."tenantId" = c."tenantId" AND j.id = c.id`;

/**
 * Design (d): the claim as CLAIM_SQL, the rows found by their ctid (no primary key on the narrow
 * table), and each row's new ctid returned for its completion.
 */
export const CLAIM_BY_TID_SQL = `
    WITH claimed AS (
      UPDATE "JobReady" AS r SET "readyAt" = $5::timestamp(3), "lockedBy" = $4::text, "lockedAt" = $1::timestamp(3), attempts = r.attempts + 1
      WHERE r.ctid = ANY(ARRAY(
        SELECT ctid FROM "JobReady"
        WHERE "readyAt" <= $1::timestamp(3) AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
        ORDER BY "readyAt" LIMIT $2::int
        FOR UPDATE SKIP LOCKED))
      RETURNING r.ctid::text AS tid, r."tenantId", r.id, r.kind, r.attempts, r."lockedBy", r."readyAt"
    )
    SELECT c.tid AS "readyTid", c.id, c."tenantId"::text AS "tenantId", c.kind, j."eventId", j."eventType", j.payload, j."requestId", c.attempts, j."maxAttempts",
           c."lockedBy", c."readyAt" AS "leaseExpiresAt", j."createdAt"
      FROM claimed c JOIN "JobLedger" j ON j."tenantId" = c."tenantId" AND j.id = c.id`;

// $1 tenant ids, $2 job ids, $3 now, $4 workerId, $5 completion times. Shared head of both completions:
// the narrow rows still leased to this worker are deleted (a reclaimed job belongs to its new worker).
const DONE_CTE = `
    WITH done AS (
      DELETE FROM "JobReady" AS r USING unnest($1::uuid[], $2::bigint[], $5::timestamp(3)[]) AS u("tenantId", id, at)
      WHERE r."tenantId" = u."tenantId" AND r.id = u.id AND r."lockedBy" = $4::text
      RETURNING r."tenantId", r.id, r.attempts, r."lockedAt", u.at
    )`;

/**
 * Design (d): DONE_CTE with the rows found by the ctids their claim returned ($6); a row
 * reclaimed since has a new ctid, so the old worker's completion finds nothing.
 */
const DONE_BY_TID_CTE = `
    WITH done AS (
      DELETE FROM "JobReady" AS r USING unnest($1::uuid[], $2::bigint[], $5::timestamp(3)[]) AS u("tenantId", id, at)
      WHERE r.ctid = ANY($6::tid[]) AND r."tenantId" = u."tenantId" AND r.id = u.id AND r."lockedBy" = $4::text
      RETURNING r."tenantId", r.id, r.attempts, r."lockedAt", u.at
    )`;

/** Design (b): the ledger row is marked completed by an update that changes no indexed column. */
export const COMPLETE_LEDGER_SQL = `${DONE_CTE}
    UPDATE "JobLedger" AS j SET
      status = 'COMPLETED', "completedAt" = done.at, attempts = done.attempts,
      "firstAttemptAt" = COALESCE(j."firstAttemptAt", done."lockedAt"), "lastAttemptAt" = done."lockedAt", "updatedAt" = $3::timestamp(3)
    FROM done WHERE j."tenantId" = done."tenantId" AND j.id = done.id`;

const APPEND_TAIL = `
    INSERT INTO "JobDone" ("tenantId", id, attempts, "completedAt") SELECT "tenantId", id, attempts, COALESCE(at, $3::timestamp(3)) FROM done`;

/** Design (c): the ledger row is not touched on success; the completion is appended to "JobDone". */
export const COMPLETE_APPEND_SQL = `${DONE_CTE}${APPEND_TAIL}`;

/** Design (d): as (c), the narrow rows found by ctid. */
export const COMPLETE_APPEND_BY_TID_SQL = `${DONE_BY_TID_CTE}${APPEND_TAIL}`;

// $1 tenant ids, $2 job ids, $3 errors, $4 error classes, $5 retry times (null: dead letter),
// $6 workerId, $7 now. A retry puts the narrow row back at its retry time; a dead letter deletes
// it. Both record the attempt on the ledger (the rare path: not HOT for a dead letter, whose
// deadLetteredAt is indexed).
export const FAIL_SQL = `
    WITH u AS (
      SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::timestamp(3)[]) AS u("tenantId", id, error, error_class, retry_at)
    ), retried AS (
      UPDATE "JobReady" AS r SET "readyAt" = u.retry_at, "lockedBy" = NULL, "lockedAt" = NULL FROM u
      WHERE r."tenantId" = u."tenantId" AND r.id = u.id AND r."lockedBy" = $6::text AND u.retry_at IS NOT NULL
      RETURNING r."tenantId", r.id, r.attempts, false AS dead
    ), dead AS (
      DELETE FROM "JobReady" AS r USING u
      WHERE r."tenantId" = u."tenantId" AND r.id = u.id AND r."lockedBy" = $6::text AND u.retry_at IS NULL
      RETURNING r."tenantId", r.id, r.attempts, true AS dead
    ), failed AS (
      SELECT * FROM retried UNION ALL SELECT * FROM dead
    )
    UPDATE "JobLedger" AS j SET
      status = CASE WHEN f.dead THEN 'DEAD_LETTERED' ELSE 'PENDING' END::"JobStatus",
      "deadLetteredAt" = CASE WHEN f.dead THEN $7::timestamp(3) END,
      "nextAttemptAt" = COALESCE(u.retry_at, j."nextAttemptAt"), attempts = f.attempts,
      "lastError" = u.error, "lastErrorClass" = u.error_class, "updatedAt" = $7::timestamp(3)
    FROM failed f JOIN u ON u."tenantId" = f."tenantId" AND u.id = f.id
    WHERE j."tenantId" = f."tenantId" AND j.id = f.id
    RETURNING j.id, j.status::text AS status`;

// $1 tenantId, $2 job ids, $3 now: dead letters queued again (one statement: ledger back to
// PENDING with a fresh attempt count, a narrow row each).
export const REDRIVE_SQL = `
    WITH moved AS (
      UPDATE "JobLedger" AS j SET status = 'PENDING', "deadLetteredAt" = NULL, attempts = 0, "redriveCount" = j."redriveCount" + 1,
             "nextAttemptAt" = $3::timestamp(3), "updatedAt" = $3::timestamp(3)
      WHERE j."tenantId" = $1::uuid AND j.id = ANY($2::bigint[]) AND j."deadLetteredAt" IS NOT NULL
      RETURNING j."tenantId", j.id, j.kind
    )
    INSERT INTO "JobReady" ("tenantId", id, kind, "readyAt") SELECT "tenantId", id, kind, $3::timestamp(3) FROM moved`;
