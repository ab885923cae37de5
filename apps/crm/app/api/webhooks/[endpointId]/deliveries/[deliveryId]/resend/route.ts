import { resendWebhookDeliveries } from "@real-estate/integrations";
import { authenticateOwnerApi } from "../../../../../lib/owner-api";
import { json, jsonError } from "../../../../../lib/responses";
import { apiRoute } from "../../../../../lib/api-route";

export const dynamic = "force-dynamic";

/** POST /api/webhooks/{endpointId}/deliveries/{deliveryId}/resend — sends one delivery again (same webhook-id). 202. */
export const POST = apiRoute(async function POST(request: Request, { params }: { params: Promise<{ endpointId: string; deliveryId: string }> }) {
  const auth = await authenticateOwnerApi(request);
  if (!auth.ok) return auth.response;
  const { endpointId, deliveryId } = await params;
  const result = await resendWebhookDeliveries({ tenantId: auth.caller.tenantId, endpointId, deliveryId, actorUserId: auth.caller.actor.userId });
  if (!result) return jsonError(404, "not_found");
  if (result.endpointDisabled) return jsonError(409, "endpoint_disabled", { message: "Enable the endpoint first." });
  return json({ queued: result.queued }, 202);
});
