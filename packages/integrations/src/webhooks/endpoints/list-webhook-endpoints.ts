import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { webhookEndpointSelect, type WebhookEndpointRow } from "./endpoint-select";

/** The tenant's endpoints, oldest first. */
export async function listWebhookEndpoints(options: { tenantId: string; db?: Db }): Promise<WebhookEndpointRow[]> {
  const db = options.db ?? getDb();
  return db.webhookEndpoint.findMany({ where: { tenantId: options.tenantId }, select: webhookEndpointSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** One endpoint of the tenant, or null (unknown, or another tenant's). */
export async function getWebhookEndpoint(options: { tenantId: string; endpointId: string; db?: Db }): Promise<WebhookEndpointRow | null> {
  const db = options.db ?? getDb();
  if (!UUID.test(options.endpointId)) return null;
  return db.webhookEndpoint.findUnique({ where: { tenantId_id: { tenantId: options.tenantId, id: options.endpointId } }, select: webhookEndpointSelect });
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
