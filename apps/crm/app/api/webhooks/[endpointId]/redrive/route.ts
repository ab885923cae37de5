import { resendWebhookDeliveries } from "@real-estate/integrations";
import { authenticateOwnerApi } from "../../../lib/owner-api";
import { json, jsonError } from "../../../lib/responses";
import { apiRoutes } from "../../../lib/api-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** POST /api/webhooks/{endpointId}/redrive — every FAILED delivery of the endpoint again, with fresh attempts. 202. */
  async POST(request: Request, { params }: { params: Promise<{ endpointId: string }> }) {
    const auth = await authenticateOwnerApi(request);
    if (!auth.ok) return auth.response;
    const result = await resendWebhookDeliveries({
      tenantId: auth.caller.tenantId,
      endpointId: (await params).endpointId,
      actorUserId: auth.caller.actor.userId,
    });
    if (!result) return jsonError(404, "not_found");
    if (result.endpointDisabled) return jsonError(409, "endpoint_disabled", { message: "Enable the endpoint first." });
    return json({ queued: result.queued }, 202);
  },
});
