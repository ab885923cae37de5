import { z } from "zod";
import type { Prisma } from "@real-estate/db";
import { ZWebhookEventType } from "../event-types";

/** What owners and the API see of an endpoint: never its secrets. */
export const webhookEndpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  failingSince: true,
  disabledAt: true,
  disabledReason: true,
  previousSecretExpiresAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WebhookEndpointSelect;

export type WebhookEndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof webhookEndpointSelect }>;

export const ZWebhookUrl = z.string().trim().min(1).max(2000);

/** An endpoint as an owner creates it. */
export const ZWebhookEndpointInput = z.object({
  url: ZWebhookUrl,
  description: z.string().trim().max(200).optional().nullable(),
  events: z.array(ZWebhookEventType).min(1, "choose at least one event").max(20),
});
export type WebhookEndpointInput = z.input<typeof ZWebhookEndpointInput>;

/** An edit: any of the fields; `enabled: true` re-enables a disabled endpoint. */
export const ZWebhookEndpointPatch = z
  .object({
    url: ZWebhookUrl.optional(),
    description: z.string().trim().max(200).nullable().optional(),
    events: z.array(ZWebhookEventType).min(1, "choose at least one event").max(20).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type WebhookEndpointPatch = z.input<typeof ZWebhookEndpointPatch>;
