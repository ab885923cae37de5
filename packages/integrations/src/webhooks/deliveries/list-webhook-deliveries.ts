import type { Db, Prisma } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { UUID } from "../endpoints/list-webhook-endpoints";

export const webhookDeliverySelect = {
  id: true,
  endpointId: true,
  eventType: true,
  contactId: true,
  status: true,
  attempts: true,
  responseStatus: true,
  latencyMs: true,
  responseExcerpt: true,
  lastError: true,
  lastAttemptAt: true,
  deliveredAt: true,
  createdAt: true,
  payload: true,
} satisfies Prisma.WebhookDeliverySelect;

export type WebhookDeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof webhookDeliverySelect }>;

export type WebhookDeliveryStatusFilter = "PENDING" | "DELIVERED" | "FAILED";

/**
 * An endpoint's delivery log, newest first, a page at a time: `cursor` is the last id of the
 * previous page (ids are time-ordered). Null when the endpoint is not the tenant's.
 */
export async function listWebhookDeliveries(options: {
  tenantId: string;
  endpointId: string;
  status?: WebhookDeliveryStatusFilter;
  cursor?: string | null;
  limit?: number;
  db?: Db;
}): Promise<{ deliveries: WebhookDeliveryRow[]; nextCursor: string | null } | null> {
  const db = options.db ?? getDb();
  if (!UUID.test(options.endpointId) || (options.cursor && !UUID.test(options.cursor))) return null;
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.endpointId } },
    select: { id: true },
  });
  if (!endpoint) return null;
  const limit = Math.max(1, Math.min(options.limit ?? 50, 200));
  const rows = await db.webhookDelivery.findMany({
    where: {
      tenantId: options.tenantId,
      endpointId: options.endpointId,
      ...(options.status && { status: options.status }),
      ...(options.cursor && { id: { lt: options.cursor } }),
    },
    select: webhookDeliverySelect,
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { deliveries: page, nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}
