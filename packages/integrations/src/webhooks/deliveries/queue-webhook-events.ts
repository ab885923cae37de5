import { v7 as uuidv7 } from "uuid";
import type { Db, DbTx } from "@real-estate/db";
import { enqueueJobs } from "@real-estate/queue";
import type { WebhookEvent } from "../event-types";

/** The job kind that makes one delivery attempt. */
export const WEBHOOK_DELIVER_KIND = "webhook.deliver";

/** An enabled endpoint and the event types it is subscribed to. */
export type SubscribedEndpoint = { id: string; events: string[] };

/**
 * The tenant's enabled endpoints and their event types, for a caller that builds an event's
 * payload only when someone is subscribed to it (then passes them on to queueWebhookEvents).
 */
export async function webhookEndpointsOf(db: Db | DbTx, tenantId: string): Promise<SubscribedEndpoint[]> {
  return db.webhookEndpoint.findMany({ where: { tenantId, disabledAt: null }, select: { id: true, events: true }, orderBy: { id: "asc" } });
}

/**
 * Queues the deliveries of business events: one WebhookDelivery row (the delivery log entry;
 * its id is the `webhook-id`) per enabled endpoint of the tenant subscribed to the event's type,
 * and one "webhook.deliver" job each (its payload names the delivery and the endpoint, whose share of
 * the worker's slots it counts against: decision 0115). Call it inside the transaction of the change: deliveries
 * exist exactly when the change committed. A tenant without endpoints costs one indexed read.
 * Returns the number of deliveries queued.
 */
export async function queueWebhookEvents(
  db: Db | DbTx,
  options: {
    tenantId: string;
    events: readonly WebhookEvent[];
    now?: Date;
    /** The tenant's enabled endpoints as webhookEndpointsOf read them in this transaction (default: read here). */
    endpoints?: readonly SubscribedEndpoint[];
  },
): Promise<number> {
  if (options.events.length === 0) return 0;
  const { tenantId } = options;
  const endpoints = options.endpoints ?? (await webhookEndpointsOf(db, tenantId));
  if (endpoints.length === 0) return 0;
  const now = options.now ?? new Date();
  const rows: { id: string; endpointId: string; type: string; payload: string; contactId: string | null }[] = [];
  for (const event of options.events) {
    const payload = JSON.stringify({ type: event.type, timestamp: (event.occurredAt ?? now).toISOString(), data: event.data });
    for (const endpoint of endpoints) {
      if (!endpoint.events.includes(event.type)) continue;
      rows.push({ id: uuidv7({ msecs: now.getTime() }), endpointId: endpoint.id, type: event.type, payload, contactId: event.contactId ?? null });
    }
  }
  if (rows.length === 0) return 0;
  await db.$executeRaw`
    INSERT INTO "WebhookDelivery" ("tenantId", id, "endpointId", "eventType", payload, "contactId", "createdAt", "updatedAt")
    SELECT ${tenantId}::uuid, i.id, i.endpoint, i.type, i.payload, i.contact, ${now}::timestamp(3), ${now}::timestamp(3)
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.endpointId)}::uuid[], ${rows.map((r) => r.type)}::text[],
                  ${rows.map((r) => r.payload)}::jsonb[], ${rows.map((r) => r.contactId)}::uuid[]) AS i(id, endpoint, type, payload, contact)`;
  await enqueueJobs(db, {
    tenantId,
    jobs: rows.map((r) => ({ kind: WEBHOOK_DELIVER_KIND, payload: { deliveryId: r.id, endpointId: r.endpointId }, dedupeKey: r.id })),
  });
  return rows.length;
}
