import type { WebhookDeliveryRow, WebhookEndpointRow } from "@real-estate/integrations";

export function webhookEndpointJson(e: WebhookEndpointRow) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    status: e.disabledAt ? "disabled" : e.failingSince ? "failing" : "active",
    disabledAt: e.disabledAt?.toISOString() ?? null,
    disabledReason: e.disabledReason,
    failingSince: e.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: e.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function webhookDeliveryJson(d: WebhookDeliveryRow) {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventType: d.eventType,
    contactId: d.contactId,
    status: d.status,
    attempts: d.attempts,
    responseStatus: d.responseStatus,
    latencyMs: d.latencyMs,
    responseExcerpt: d.responseExcerpt,
    lastError: d.lastError,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    payload: d.payload,
  };
}
