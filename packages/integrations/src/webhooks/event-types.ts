import { z } from "zod";

/**
 * The events an owner can subscribe an endpoint to. Each payload is the Standard Webhooks
 * envelope `{ "type", "timestamp", "data" }`; `data` names the records (ids) and what changed.
 */
export const WEBHOOK_EVENT_TYPES = [
  "contact.created",
  "contact.updated",
  "lead.created",
  "lead.status_changed",
  "lead.assigned",
  "note.added",
  "task.completed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

/** What a business change hands to queueWebhookEvents. */
export type WebhookEvent = {
  type: WebhookEventType;
  /** The contact the event is about (deliveries about one contact keep their order, decision 0021). */
  contactId?: string | null;
  data: Record<string, unknown>;
  /** When it happened (default: now). */
  occurredAt?: Date;
};
