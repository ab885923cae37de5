import type { FieldErrors } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { destinationFieldErrors } from "./create-webhook-endpoint";
import { webhookEndpointSelect, ZWebhookEndpointPatch, type WebhookEndpointPatch, type WebhookEndpointRow } from "./endpoint-select";
import { UUID } from "./list-webhook-endpoints";

export type UpdateWebhookEndpointResult =
  { ok: true; endpoint: WebhookEndpointRow } | { ok: false; error: "not_found" } | { ok: false; error: "invalid"; fields: FieldErrors };

/**
 * Edits an endpoint: URL (checked like at creation), description, events, and `enabled` (false:
 * disabled by the owner; true: enabled again, its failure clock reset). Audited.
 */
export async function updateWebhookEndpoint(options: {
  tenantId: string;
  endpointId: string;
  change: WebhookEndpointPatch;
  actorUserId: string | null;
  db?: Db;
  now?: Date;
}): Promise<UpdateWebhookEndpointResult> {
  const db = options.db ?? getDb();
  const parsed = ZWebhookEndpointPatch.safeParse(options.change);
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) (fields[issue.path.join(".") || "body"] ??= []).push(issue.message);
    return { ok: false, error: "invalid", fields };
  }
  const change = parsed.data;
  if (change.url !== undefined) {
    const destination = destinationFieldErrors(change.url);
    if (destination) return { ok: false, error: "invalid", fields: destination };
  }
  if (!UUID.test(options.endpointId)) return { ok: false, error: "not_found" };
  const now = options.now ?? new Date();
  const where = { tenantId_id: { tenantId: options.tenantId, id: options.endpointId } };
  return db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findUnique({ where, select: { disabledAt: true } });
    if (!current) return { ok: false, error: "not_found" } as const;
    const enabling = change.enabled === true && current.disabledAt !== null;
    const disabling = change.enabled === false && current.disabledAt === null;
    const endpoint = await tx.webhookEndpoint.update({
      where,
      data: {
        ...(change.url !== undefined && { url: change.url }),
        ...(change.description !== undefined && { description: change.description || null }),
        ...(change.events !== undefined && { events: [...new Set(change.events)] }),
        ...(enabling && { disabledAt: null, disabledReason: null, failingSince: null }),
        ...(disabling && { disabledAt: now, disabledReason: "owner" }),
      },
      select: webhookEndpointSelect,
    });
    await tx.tenantAuditLog.create({
      data: {
        tenantId: options.tenantId,
        actorUserId: options.actorUserId,
        action: "webhook_endpoint.updated",
        entityType: "WebhookEndpoint",
        entityId: endpoint.id,
        detail: JSON.parse(JSON.stringify(change)),
      },
    });
    return { ok: true, endpoint } as const;
  });
}

/** Deletes an endpoint and its delivery log. False when there is no such endpoint. Audited. */
export async function deleteWebhookEndpoint(options: { tenantId: string; endpointId: string; actorUserId: string | null; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  if (!UUID.test(options.endpointId)) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { tenantId: options.tenantId, id: options.endpointId } });
    if (count === 0) return false;
    await tx.tenantAuditLog.create({
      data: {
        tenantId: options.tenantId,
        actorUserId: options.actorUserId,
        action: "webhook_endpoint.deleted",
        entityType: "WebhookEndpoint",
        entityId: options.endpointId,
      },
    });
    return true;
  });
}
