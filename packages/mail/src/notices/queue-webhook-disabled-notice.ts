import type { Db, DbTx } from "@real-estate/db";
import { queueEmails, type QueuedEmail } from "../outbox/queue-emails";

type Owner = { email: string; name: string | null };
type Endpoint = { id: string; url: string; description: string | null; lastError: string | null; disabledAt: Date | null };

/**
 * E-mails the tenant's owners (through the outbox) that a webhook endpoint was disabled after a
 * day of failed deliveries (decision 0021), named by the delivery whose failure disabled it. Once
 * per disabling: keyed on the endpoint and the moment it was disabled, so a repeat of the attempt,
 * or another delivery's attempt reporting the same disabling, queues nothing new.
 */
export async function queueWebhookDisabledNotice(db: Db | DbTx, options: { tenantId: string; deliveryId: string; now?: Date }): Promise<QueuedEmail[]> {
  const { tenantId, deliveryId } = options;
  const endpoints = await db.$queryRaw<Endpoint[]>`
    SELECT e.id::text AS id, e.url, e.description, d."lastError", e."disabledAt"
      FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."tenantId" = d."tenantId" AND e.id = d."endpointId"
     WHERE d."tenantId" = ${tenantId}::uuid AND d.id = ${deliveryId}::uuid`;
  const endpoint = endpoints[0];
  if (!endpoint?.disabledAt) return []; // deleted or enabled again since: nothing to tell about
  const owners = await db.$queryRaw<Owner[]>`
    SELECT u.email, COALESCE(NULLIF(btrim(m."displayName"), ''), u.name) AS name
      FROM "TenantMembership" m JOIN "user" u ON u.id = m."userId"
     WHERE m."tenantId" = ${tenantId}::uuid AND m.role = 'OWNER'
     ORDER BY u.email`;
  return queueEmails(db, {
    tenantId,
    now: options.now,
    emails: owners.map((o) => ({
      template: "webhook-disabled" as const,
      props: { url: endpoint.url, description: endpoint.description, lastError: endpoint.lastError },
      to: { address: o.email, name: o.name },
      dedupeKey: `webhook-disabled:${endpoint.id}:${endpoint.disabledAt!.toISOString()}:${o.email}`,
    })),
  });
}
