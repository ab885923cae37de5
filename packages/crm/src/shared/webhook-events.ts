import type { DbTx } from "@real-estate/db";
import { queueWebhookEvents, type SubscribedEndpoint, type WebhookEvent } from "@real-estate/integrations";
import type { CrmActor } from "./crm-selects";

type ContactFields = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  source?: string | null;
  version?: number;
};

/** A contact as webhook payloads show it. */
export function contactData(c: ContactFields) {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    ...(c.source !== undefined && { source: c.source }),
    ...(c.version !== undefined && { version: c.version }),
  };
}

/** Who made a change, as webhook payloads show it. */
export function actorData(actor: CrmActor | null) {
  if (!actor) return { kind: "system" };
  return actor.apiKeyId ? { kind: "api_key", apiKeyId: actor.apiKeyId } : { kind: "member", userId: actor.userId };
}

/**
 * Queues the webhook deliveries of CRM changes inside the change's transaction (decision 0021);
 * `endpoints`: the tenant's endpoints when the caller has read them (webhookEndpointsOf).
 */
export async function emitWebhookEvents(
  tx: DbTx,
  tenantId: string,
  events: WebhookEvent[],
  now?: Date,
  endpoints?: readonly SubscribedEndpoint[],
): Promise<void> {
  if (events.length) await queueWebhookEvents(tx, { tenantId, events, now, endpoints });
}
