import { z } from "zod";
import { listWebhookDeliveries } from "@real-estate/integrations";
import { authenticateOwnerApi } from "../../../lib/owner-api";
import { json, jsonError } from "../../../lib/responses";
import { webhookDeliveryJson } from "../../../lib/webhook-serialize";
import { apiRoutes } from "../../../lib/api-route";

export const dynamic = "force-dynamic";

const ZQuery = z
  .object({
    status: z.enum(["PENDING", "DELIVERED", "FAILED"]).optional(),
    cursor: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/webhooks/{endpointId}/deliveries — the delivery log, newest first, by cursor. */
  async GET(request: Request, { params }: { params: Promise<{ endpointId: string }> }) {
    const auth = await authenticateOwnerApi(request);
    if (!auth.ok) return auth.response;
    const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success)
      return jsonError(400, "validation_failed", { fields: Object.fromEntries(query.error.issues.map((i) => [i.path.join(".") || "query", [i.message]])) });
    const page = await listWebhookDeliveries({ tenantId: auth.caller.tenantId, endpointId: (await params).endpointId, ...query.data });
    if (!page) return jsonError(404, "not_found");
    return json({ items: page.deliveries.map(webhookDeliveryJson), nextCursor: page.nextCursor });
  },
});
