import { v7 as uuidv7 } from "uuid";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { enqueueJobs } from "@real-estate/queue";
import { UUID } from "../endpoints/list-webhook-endpoints";
import { WEBHOOK_DELIVER_KIND } from "./queue-webhook-events";

/**
 * Sends deliveries again with a fresh set of attempts: one delivery (any status: "re-send"), or
 * every FAILED delivery of an endpoint ("re-drive" after the receiver was fixed). Same
 * `webhook-id`, so a receiver that did get it can drop the repeat. Deliveries of a disabled
 * endpoint are not re-sent (enable it first). Returns how many were queued; null when the
 * endpoint (or the delivery) is not the tenant's. Audited.
 */
export async function resendWebhookDeliveries(options: {
  tenantId: string;
  endpointId: string;
  /** One delivery; without it, every FAILED delivery of the endpoint. */
  deliveryId?: string;
  actorUserId: string | null;
  db?: Db;
  now?: Date;
}): Promise<{ queued: number; endpointDisabled: boolean } | null> {
  const db = options.db ?? getDb();
  const { tenantId, endpointId, deliveryId } = options;
  if (!UUID.test(endpointId) || (deliveryId !== undefined && !UUID.test(deliveryId))) return null;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { tenantId_id: { tenantId, id: endpointId } }, select: { disabledAt: true } });
    if (!endpoint) return null;
    if (deliveryId) {
      const exists = await tx.webhookDelivery.findFirst({ where: { tenantId, endpointId, id: deliveryId }, select: { id: true } });
      if (!exists) return null;
    }
    if (endpoint.disabledAt) return { queued: 0, endpointDisabled: true };
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "WebhookDelivery" SET status = 'PENDING', "updatedAt" = ${now}::timestamp(3)
       WHERE "tenantId" = ${tenantId}::uuid AND "endpointId" = ${endpointId}::uuid
         AND (${deliveryId ?? null}::uuid IS NULL AND status = 'FAILED' OR id = ${deliveryId ?? null}::uuid)
      RETURNING id::text AS id`;
    if (rows.length) {
      await enqueueJobs(tx, {
        tenantId,
        jobs: rows.map((r) => ({ kind: WEBHOOK_DELIVER_KIND, payload: { deliveryId: r.id, endpointId }, dedupeKey: `${r.id}:resend:${uuidv7()}` })),
      });
    }
    await tx.tenantAuditLog.create({
      data: {
        tenantId,
        actorUserId: options.actorUserId,
        action: deliveryId ? "webhook_delivery.resent" : "webhook_deliveries.redriven",
        entityType: "WebhookEndpoint",
        entityId: endpointId,
        detail: { deliveryId: deliveryId ?? null, queued: rows.length },
      },
    });
    return { queued: rows.length, endpointDisabled: false };
  });
}
