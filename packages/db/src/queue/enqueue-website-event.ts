import { ZWebsiteEvent, type TWebsiteEvent, type TWebsiteEventInput } from "@real-estate/types";
import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { maxAttemptsFor } from "./retry-policy";
import { wakeWorkers } from "./wake-workers";

export { QUEUE_NOTIFY_CHANNEL } from "./wake-workers";

export type EnqueueResult = {
  jobId: string;
  eventId: string;
  /** false when this (tenantId, eventId) was already queued: nothing new was created. */
  created: boolean;
};

export class EventTenantMismatchError extends Error {
  constructor() {
    super("event.tenantId does not match the tenant it is enqueued for");
  }
}

/**
 * Durably queues a website event for its tenant: one INSERT, idempotent on (tenantId, eventId).
 * A repeat (also under concurrent duplicates) returns the original job and creates nothing.
 * A new job wakes idle workers after its commit (wakeWorkers: coalesced, outside the INSERT).
 * Validates the event against ZWebsiteEvent; throws a ZodError for an invalid one.
 */
export async function enqueueWebsiteEvent(options: {
  tenantId: string;
  event: TWebsiteEventInput;
  db?: Db;
}): Promise<EnqueueResult> {
  const db = options.db ?? getDb();
  const event: TWebsiteEvent = ZWebsiteEvent.parse(options.event);
  if (event.tenantId !== options.tenantId) throw new EventTenantMismatchError();
  const payload = JSON.stringify(event);
  // ON CONFLICT DO UPDATE of a no-op column makes RETURNING yield the existing row too, so a
  // duplicate costs one statement; xmax = 0 tells a fresh insert from a conflict.
  const rows = await db.$queryRaw<{ id: bigint; created: boolean }[]>`
    INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, "maxAttempts", "nextAttemptAt", "updatedAt")
    VALUES (${options.tenantId}::uuid, ${event.eventId}, ${event.type}, ${payload}::jsonb, ${maxAttemptsFor(event.type)}, now(), now())
    ON CONFLICT ("tenantId", "eventId") DO UPDATE SET "eventId" = EXCLUDED."eventId"
    RETURNING id, (xmax = 0) AS created`;
  const row = rows[0];
  if (!row) throw new Error("enqueueWebsiteEvent: insert returned no row");
  if (row.created) wakeWorkers(db);
  return { jobId: row.id.toString(), eventId: event.eventId, created: row.created };
}
