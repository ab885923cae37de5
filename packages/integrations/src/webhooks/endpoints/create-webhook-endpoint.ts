import type { FieldErrors } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { checkDestinationUrl } from "@real-estate/types/outbound";
import { webhookSettings } from "../transport/webhook-settings";
import { generateWebhookSecret } from "../transport/webhook-signature";
import { webhookEndpointSelect, ZWebhookEndpointInput, type WebhookEndpointInput, type WebhookEndpointRow } from "./endpoint-select";

export type CreateWebhookEndpointResult = { ok: true; endpoint: WebhookEndpointRow; secret: string } | { ok: false; fields: FieldErrors };

/** Field errors of a destination URL that the platform would refuse to call (null when fine). */
export function destinationFieldErrors(url: string, allowedHosts = webhookSettings().allowedHosts): FieldErrors | null {
  const reason = checkDestinationUrl(url, allowedHosts);
  return reason ? { url: [reason === "not a URL" ? "not a URL" : `not allowed: ${reason}`] } : null;
}

/**
 * Registers an endpoint for the tenant. The returned `secret` (whsec_…) is shown once; it signs
 * every delivery. A URL pointing into this machine's networks is refused unless an operator
 * allowed its host. Audited.
 */
export async function createWebhookEndpoint(options: {
  tenantId: string;
  input: WebhookEndpointInput;
  createdByUserId: string | null;
  db?: Db;
}): Promise<CreateWebhookEndpointResult> {
  const db = options.db ?? getDb();
  const parsed = ZWebhookEndpointInput.safeParse(options.input);
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) (fields[issue.path.join(".") || "body"] ??= []).push(issue.message);
    return { ok: false, fields };
  }
  const destination = destinationFieldErrors(parsed.data.url);
  if (destination) return { ok: false, fields: destination };
  const secret = generateWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: {
        tenantId: options.tenantId,
        url: parsed.data.url,
        description: parsed.data.description || null,
        events: [...new Set(parsed.data.events)],
        secret,
        createdByUserId: options.createdByUserId,
      },
      select: webhookEndpointSelect,
    });
    await tx.tenantAuditLog.create({
      data: {
        tenantId: options.tenantId,
        actorUserId: options.createdByUserId,
        action: "webhook_endpoint.created",
        entityType: "WebhookEndpoint",
        entityId: row.id,
        detail: { url: row.url, events: row.events },
      },
    });
    return row;
  });
  return { ok: true, endpoint, secret };
}
