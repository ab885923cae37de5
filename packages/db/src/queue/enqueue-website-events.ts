import { ZWebsiteEvent, type TWebsiteEvent, type TWebsiteEventInput } from "@real-estate/types";
import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { EventTenantMismatchError, QUEUE_NOTIFY_CHANNEL, type EnqueueResult } from "./enqueue-website-event";
import { maxAttemptsFor } from "./retry-policy";

/**
 * Queues many events of one tenant in one INSERT (imports, backfills, benchmarks): the same
 * validation and idempotency as enqueueWebsiteEvent, one result per event in input order.
 * An eventId repeated within `events` is queued once. Wakes workers once.
 */
export async function enqueueWebsiteEvents(options: { tenantId: string; events: readonly TWebsiteEventInput[]; db?: Db }): Promise<EnqueueResult[]> {
  if (options.events.length === 0) return [];
  const db = options.db ?? getDb();
  const events: TWebsiteEvent[] = options.events.map((e) => ZWebsiteEvent.parse(e));
  if (events.some((e) => e.tenantId !== options.tenantId)) throw new EventTenantMismatchError();
  const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
  const rows = await db.$queryRaw<{ id: bigint; eventId: string; created: boolean }[]>`
    WITH input AS (
      SELECT * FROM unnest(${unique.map((e) => e.eventId)}::text[], ${unique.map((e) => e.type)}::text[],
                           ${unique.map((e) => JSON.stringify(e))}::jsonb[], ${unique.map((e) => maxAttemptsFor(e.type))}::int[])
        AS i("eventId", "eventType", payload, "maxAttempts")
    ), ins AS (
      INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, "maxAttempts", "nextAttemptAt", "updatedAt")
      SELECT ${options.tenantId}::uuid, "eventId", "eventType", payload, "maxAttempts", now(), now() FROM input
      ON CONFLICT ("tenantId", "eventId") DO UPDATE SET "eventId" = EXCLUDED."eventId"
      RETURNING id, "eventId", (xmax = 0) AS created
    ), wake AS (
      SELECT pg_notify(${QUEUE_NOTIFY_CHANNEL}, '') WHERE EXISTS (SELECT 1 FROM ins WHERE created)
    )
    SELECT ins.id, ins."eventId", ins.created FROM ins LEFT JOIN wake ON true`;
  const byEventId = new Map(rows.map((r) => [r.eventId, r]));
  const seen = new Set<string>();
  return events.map((e) => {
    const row = byEventId.get(e.eventId)!;
    const created = row.created && !seen.has(e.eventId);
    seen.add(e.eventId);
    return { jobId: row.id.toString(), eventId: e.eventId, created };
  });
}
