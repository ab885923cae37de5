import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { generateWebhookSecret } from "../transport/webhook-signature";
import { webhookEndpointSelect, type WebhookEndpointRow } from "./endpoint-select";
import { UUID } from "./list-webhook-endpoints";

/** How long the previous secret keeps signing after a rotation (default 24 h). */
export const DEFAULT_ROTATION_OVERLAP_MS = 24 * 3_600_000;

/**
 * Gives the endpoint a new secret, shown once. Until `overlapMs` has passed every delivery is
 * signed with the new and the previous secret (two signatures in `webhook-signature`), so the
 * receiver can switch without losing a delivery; `overlapMs: 0` retires the old one at once. Audited.
 */
export async function rotateWebhookSecret(options: {
  tenantId: string;
  endpointId: string;
  actorUserId: string | null;
  overlapMs?: number;
  db?: Db;
  now?: Date;
}): Promise<{ endpoint: WebhookEndpointRow; secret: string } | null> {
  const db = options.db ?? getDb();
  if (!UUID.test(options.endpointId)) return null;
  const now = options.now ?? new Date();
  const overlapMs = Math.max(0, Math.min(options.overlapMs ?? DEFAULT_ROTATION_OVERLAP_MS, 7 * 24 * 3_600_000));
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findUnique({
      where: { tenantId_id: { tenantId: options.tenantId, id: options.endpointId } },
      select: { secret: true },
    });
    if (!current) return null;
    const endpoint = await tx.webhookEndpoint.update({
      where: { tenantId_id: { tenantId: options.tenantId, id: options.endpointId } },
      data: {
        secret,
        previousSecret: overlapMs > 0 ? current.secret : null,
        previousSecretExpiresAt: overlapMs > 0 ? new Date(now.getTime() + overlapMs) : null,
      },
      select: webhookEndpointSelect,
    });
    await tx.tenantAuditLog.create({
      data: {
        tenantId: options.tenantId,
        actorUserId: options.actorUserId,
        action: "webhook_endpoint.secret_rotated",
        entityType: "WebhookEndpoint",
        entityId: endpoint.id,
        detail: { overlapMs },
      },
    });
    return { endpoint, secret };
  });
}
