import { ZWebsiteEvent, type WebsiteEvent, type WebsiteEventInput } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { IdempotencyConflictError, isSameRequest } from "./idempotency-conflict";
import { eventRequestHash } from "../jobs/request-hash";
import { maxAttemptsFor } from "./website-event-attempts";
import { wakeWorkers } from "../jobs/wake-workers";
import { queryRows } from "../jobs/direct-sql";

// $1 tenantId, $2 eventId, $3 type, $4 payload, $5 request hash, $6 max attempts.
// ON CONFLICT DO UPDATE of a no-op column makes RETURNING yield the existing row too, so a
// duplicate costs one statement; xmax = 0 tells a fresh insert from a conflict.
const ENQUEUE_SQL = `
    WITH prior AS (
      SELECT "eventType", "requestHash" FROM "IngestedEvent" WHERE "tenantId" = $1::uuid AND "eventId" = $2::text
    ), ins AS (
      INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, "requestHash", "maxAttempts", "nextAttemptAt", "updatedAt")
      SELECT $1::uuid, $2::text, $3::text, $4::jsonb, $5::text, $6::int, now(), now()
       WHERE NOT EXISTS (SELECT 1 FROM prior)
      ON CONFLICT ("tenantId", kind, "eventId") DO UPDATE SET "eventId" = EXCLUDED."eventId"
      RETURNING id, (xmax = 0) AS created, "eventType", "requestHash"
    )
    SELECT ins.id, ins.created, ins."eventType" AS "jobType", ins."requestHash" AS "jobHash",
           prior."eventType" AS "ledgerType", prior."requestHash" AS "ledgerHash"
      FROM (SELECT 1) AS one LEFT JOIN ins ON true LEFT JOIN prior ON true`;

/**
 * ENQUEUE_SQL with a caller's read of at most one row in the same statement (its columns beside
 * the enqueue's; its parameters from $7 on). The read sees the database as it was when the
 * statement began, as a separate statement just before the enqueue would.
 */
function enqueueWithLookupSql(lookupSql: string): string {
  return ENQUEUE_SQL.replace(/\)\s*SELECT ins\.id/, `), lookup AS (${lookupSql}\n    )\n    SELECT lookup.*, ins.id`).replace(
    "LEFT JOIN prior ON true",
    "LEFT JOIN prior ON true LEFT JOIN lookup ON true",
  );
}
const lookupSqlCache = new Map<string, string>();

export { IdempotencyConflictError } from "./idempotency-conflict";

export type EnqueueResult = {
  /** The queued job; null when the key is known only to the ledger (processed and pruned, or its person erased). */
  jobId: string | null;
  eventId: string;
  /** false when this (tenantId, eventId) was already queued: nothing new was created. */
  created: boolean;
};

export class EventTenantMismatchError extends Error {
  constructor() {
    super("event.tenantId does not match the tenant it is enqueued for");
  }
}

type Row = {
  id: bigint | string | null;
  created: boolean | null;
  jobType: string | null;
  jobHash: string | null;
  ledgerType: string | null;
  ledgerHash: string | null;
};

/**
 * Durably queues a website event for its tenant in one statement, idempotent on (tenantId,
 * eventId) with Stripe's semantics: a repeat of the same request (same `requestHash`, by default
 * the event's type and payload) returns the original answer and creates nothing, also under
 * concurrent duplicates; the same eventId with another body or another event type throws
 * IdempotencyConflictError and stores nothing. A key the ledger already holds (processed and
 * pruned, or its person erased) is never queued again. Validates against ZWebsiteEvent (ZodError).
 */
export async function enqueueWebsiteEvent(options: {
  tenantId: string;
  event: WebsiteEventInput;
  /** Fingerprint of what the client sent (see requestHash); default: eventRequestHash(event). */
  requestHash?: string;
  db?: Db;
}): Promise<EnqueueResult> {
  const { row, event, hash } = await enqueueRow(options, null);
  return enqueueResult(row, event, hash, options.db ?? getDb());
}

/** A read done in the enqueue's own statement (one round trip instead of two). */
export type EnqueueLookup = {
  /** The prepared statement's name (one per distinct `sql`). */
  name: string;
  /** A SELECT of at most one row, its parameters numbered from $7; its column names must not be the enqueue's own (id, created, jobType, jobHash, ledgerType, ledgerHash). */
  sql: string;
  values: unknown[];
};

/**
 * enqueueWebsiteEvent, with `lookup` read in the same statement: the same validation,
 * idempotency and durability, and the lookup's row (null when it found none). The read is not
 * affected by the enqueue (it sees the database as the statement began).
 */
export async function enqueueWebsiteEventWithLookup<L extends Record<string, unknown>>(options: {
  tenantId: string;
  event: WebsiteEventInput;
  requestHash?: string;
  lookup: EnqueueLookup;
  /** Tells whether the lookup found its row (its columns are null when it did not). */
  found: (row: L) => boolean;
  db?: Db;
}): Promise<EnqueueResult & { lookup: L | null }> {
  const { row, event, hash } = await enqueueRow(options, options.lookup);
  const result = enqueueResult(row, event, hash, options.db ?? getDb());
  return { ...result, lookup: options.found(row as unknown as L) ? (row as unknown as L) : null };
}

async function enqueueRow(
  options: { tenantId: string; event: WebsiteEventInput; requestHash?: string; db?: Db },
  lookup: EnqueueLookup | null,
): Promise<{ row: Row; event: WebsiteEvent; hash: string }> {
  const db = options.db ?? getDb();
  const event: WebsiteEvent = ZWebsiteEvent.parse(options.event);
  if (event.tenantId !== options.tenantId) throw new EventTenantMismatchError();
  const hash = options.requestHash ?? eventRequestHash(event);
  const payload = JSON.stringify(event);
  const values = [options.tenantId, event.eventId, event.type, payload, hash, maxAttemptsFor(event.type)];
  let rows: Row[];
  if (lookup) {
    let sql = lookupSqlCache.get(lookup.name);
    if (sql === undefined) lookupSqlCache.set(lookup.name, (sql = enqueueWithLookupSql(lookup.sql)));
    rows = await queryRows<Row>(db, `queue_enqueue_website_event:${lookup.name}`, sql, [...values, ...lookup.values]);
  } else {
    rows = await queryRows<Row>(db, "queue_enqueue_website_event", ENQUEUE_SQL, values);
  }
  const row = rows[0];
  if (!row) throw new Error("enqueueWebsiteEvent: insert returned no row");
  return { row, event, hash };
}

function enqueueResult(row: Row, event: WebsiteEvent, hash: string, db: Db): EnqueueResult {
  if (row.created) {
    wakeWorkers(db);
    return { jobId: String(row.id), eventId: event.eventId, created: true };
  }
  const stored = row.jobType !== null ? { eventType: row.jobType, requestHash: row.jobHash } : { eventType: row.ledgerType!, requestHash: row.ledgerHash };
  if (!isSameRequest(stored, event.type, hash)) {
    throw new IdempotencyConflictError({ eventId: event.eventId, originalEventType: stored.eventType, eventType: event.type });
  }
  return { jobId: row.id === null ? null : String(row.id), eventId: event.eventId, created: false };
}
