import { ZWebsiteEvent, type WebsiteEvent, type WebsiteEventInput } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { QUEUE_NOTIFY_CHANNEL } from "../jobs/wake-workers";
import { EventTenantMismatchError, type EnqueueResult } from "./enqueue-website-event";
import { IdempotencyConflictError, isSameRequest } from "./idempotency-conflict";
import { eventRequestHash } from "../jobs/request-hash";
import { maxAttemptsFor } from "./website-event-attempts";
import { queryRows } from "../jobs/direct-sql";

// $1 tenantId; $2 the events as one JSON array of {e: event, h: request hash}, parsed once by
// the server (no per-event array literal built in JavaScript); $3 max attempts per event type,
// {type: n}. The ledger check, the insert and the answer are one set-based statement; each input
// row comes back once: from the queue (inserted, or the job already holding the key) or from the
// ledger (a key processed and pruned, never queued again).
const ENQUEUE_BULK_SQL = `
    WITH input AS (
      SELECT r.e->>'eventId' AS "eventId", r.e->>'type' AS "eventType", r.e AS payload, r.h AS "requestHash"
        FROM jsonb_to_recordset($2::jsonb) AS r(e jsonb, h text)
    ), prior AS (
      SELECT l."eventId", l."eventType", l."requestHash" FROM "IngestedEvent" l
       WHERE l."tenantId" = $1::uuid AND l."eventId" IN (SELECT "eventId" FROM input)
    ), ins AS (
      INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, "requestHash", "maxAttempts", "nextAttemptAt", "updatedAt")
      SELECT $1::uuid, "eventId", "eventType", payload, "requestHash", ($3::jsonb ->> "eventType")::int, now(), now() FROM input
       WHERE NOT EXISTS (SELECT 1 FROM prior WHERE prior."eventId" = input."eventId")
      ON CONFLICT ("tenantId", kind, "eventId") DO UPDATE SET "eventId" = EXCLUDED."eventId"
      RETURNING id, "eventId", (xmax = 0) AS created, "eventType", "requestHash"
    ), wake AS (
      SELECT pg_notify('${QUEUE_NOTIFY_CHANNEL}', '') WHERE EXISTS (SELECT 1 FROM ins WHERE created)
    )
    SELECT ins."eventId", ins.id, ins.created, ins."eventType" AS "jobType", ins."requestHash" AS "jobHash",
           NULL::text AS "ledgerType", NULL::text AS "ledgerHash"
      FROM ins LEFT JOIN wake ON true
    UNION ALL
    SELECT prior."eventId", NULL, NULL, NULL, NULL, prior."eventType", prior."requestHash" FROM prior`;

/** One result per event; `conflict` when its eventId was used for another request (nothing stored for it). */
export type BulkEnqueueResult = EnqueueResult & { conflict?: IdempotencyConflictError };

type Row = {
  eventId: string;
  id: bigint | string | null;
  created: boolean | null;
  jobType: string | null;
  jobHash: string | null;
  ledgerType: string | null;
  ledgerHash: string | null;
};

/**
 * Queues many events of one tenant in one statement (imports, backfills, benchmarks): the same
 * validation and idempotency as enqueueWebsiteEvent, one result per event in input order. An
 * eventId repeated within `events` is queued once; a repeat with another body, like a key used
 * before for another request, comes back with `conflict` set instead of throwing. Wakes workers once.
 */
export async function enqueueWebsiteEvents(options: { tenantId: string; events: readonly WebsiteEventInput[]; db?: Db }): Promise<BulkEnqueueResult[]> {
  if (options.events.length === 0) return [];
  const db = options.db ?? getDb();
  const events: WebsiteEvent[] = options.events.map((e) => ZWebsiteEvent.parse(e));
  if (events.some((e) => e.tenantId !== options.tenantId)) throw new EventTenantMismatchError();
  const hashes = events.map(eventRequestHash);
  // A key repeated within the call is sent once (one INSERT cannot touch a row twice).
  const firstIndex = new Map<string, number>();
  const input: { e: WebsiteEvent; h: string }[] = [];
  const attempts: Record<string, number> = {};
  events.forEach((e, i) => {
    if (firstIndex.has(e.eventId)) return;
    firstIndex.set(e.eventId, i);
    input.push({ e, h: hashes[i]! });
    attempts[e.type] ??= maxAttemptsFor(e.type);
  });
  const rows = await queryRows<Row>(db, "queue_enqueue_website_events_json", ENQUEUE_BULK_SQL, [
    options.tenantId,
    JSON.stringify(input),
    JSON.stringify(attempts),
  ]);
  const byEventId = new Map(rows.map((r) => [r.eventId, r]));
  return events.map((e, i) => {
    const row = byEventId.get(e.eventId)!;
    const jobId = row.id === null ? null : String(row.id);
    const first = firstIndex.get(e.eventId) === i;
    if (first && row.created) return { jobId, eventId: e.eventId, created: true };
    // What the key holds: the stored job or ledger row (for a repeat within this call, that is
    // the first occurrence when this call created it).
    const stored = row.jobType !== null ? { eventType: row.jobType, requestHash: row.jobHash } : { eventType: row.ledgerType!, requestHash: row.ledgerHash };
    if (!isSameRequest(stored, e.type, hashes[i]!)) {
      return {
        jobId: null,
        eventId: e.eventId,
        created: false,
        conflict: new IdempotencyConflictError({ eventId: e.eventId, originalEventType: stored.eventType, eventType: e.type }),
      };
    }
    return { jobId, eventId: e.eventId, created: false };
  });
}
